package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A bank transfer of {@link HPayment}'s single table. */
@Entity(name = "HTransferPayment")
@DiscriminatorValue("transfer")
public class HTransferPayment extends HPayment {
    @Column(name = "iban", length = 34)
    private String iban;
    @Column(name = "bank_code", length = 11)
    private String bankCode;

    protected HTransferPayment() {
    }

    public String getIban() {
        return iban;
    }

    public String getBankCode() {
        return bankCode;
    }
}
