package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** A single-table subclass of {@link Payment}: its columns are nullable columns of {@code w10_payment}. */
@Mapped
@PolymorphicIdentity("card")
public class CardPayment extends Payment {
    @Column(length = 20)
    public String cardBrand;
    @Column(length = 4)
    public String cardLast4;

    protected CardPayment() {
    }

    public CardPayment(long amount, String currency, String reference, String cardBrand, String cardLast4) {
        super(amount, currency, reference);
        this.cardBrand = cardBrand;
        this.cardLast4 = cardLast4;
    }
}
