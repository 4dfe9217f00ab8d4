package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** A joined subclass of {@link JoinedPayment}: table {@code w10j_card}, keyed by a copy of the base's key. */
@Mapped(table = "w10j_card")
@PolymorphicIdentity("card")
public class JoinedCardPayment extends JoinedPayment {
    @Column(length = 20)
    public String cardBrand;
    @Column(length = 4)
    public String cardLast4;

    protected JoinedCardPayment() {
    }

    public JoinedCardPayment(long amount, String currency, String reference, String cardBrand, String cardLast4) {
        super(amount, currency, reference);
        this.cardBrand = cardBrand;
        this.cardLast4 = cardLast4;
    }
}
