package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** A single-table subclass of {@link Payment}. */
@Mapped
@PolymorphicIdentity("transfer")
public class TransferPayment extends Payment {
    @Column(length = 34)
    public String iban;
    @Column(length = 11)
    public String bankCode;

    protected TransferPayment() {
    }

    public TransferPayment(long amount, String currency, String reference, String iban, String bankCode) {
        super(amount, currency, reference);
        this.iban = iban;
        this.bankCode = bankCode;
    }
}
