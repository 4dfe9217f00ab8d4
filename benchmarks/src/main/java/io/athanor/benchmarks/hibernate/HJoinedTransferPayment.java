package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/** A bank transfer: table {@code w10j_transfer}, keyed by {@code id}, joined to {@link HJoinedPayment}'s. */
@Entity(name = "HJoinedTransferPayment")
@Table(name = "w10j_transfer")
@PrimaryKeyJoinColumn(name = "id")
@DiscriminatorValue("transfer")
public class HJoinedTransferPayment extends HJoinedPayment {
    @Column(name = "iban", length = 34)
    private String iban;
    @Column(name = "bank_code", length = 11)
    private String bankCode;

    protected HJoinedTransferPayment() {
    }

    public String getIban() {
        return iban;
    }

    public String getBankCode() {
        return bankCode;
    }
}
