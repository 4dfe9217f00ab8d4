package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** A joined subclass of {@link JoinedPayment}: table {@code w10j_cash}, keyed by a copy of the base's key. */
@Mapped(table = "w10j_cash")
@PolymorphicIdentity("cash")
public class JoinedCashPayment extends JoinedPayment {
    public Integer till;
    @Column(length = 20)
    public String receivedBy;

    protected JoinedCashPayment() {
    }

    public JoinedCashPayment(long amount, String currency, String reference, Integer till, String receivedBy) {
        super(amount, currency, reference);
        this.till = till;
        this.receivedBy = receivedBy;
    }
}
