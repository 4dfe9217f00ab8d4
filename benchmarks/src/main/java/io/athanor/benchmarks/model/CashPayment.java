package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** A single-table subclass of {@link Payment}. */
@Mapped
@PolymorphicIdentity("cash")
public class CashPayment extends Payment {
    public Integer till;
    @Column(length = 20)
    public String receivedBy;

    protected CashPayment() {
    }

    public CashPayment(long amount, String currency, String reference, Integer till, String receivedBy) {
        super(amount, currency, reference);
        this.till = till;
        this.receivedBy = receivedBy;
    }
}
