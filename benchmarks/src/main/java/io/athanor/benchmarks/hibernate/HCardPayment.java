package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A card payment of {@link HPayment}'s single table. */
@Entity(name = "HCardPayment")
@DiscriminatorValue("card")
public class HCardPayment extends HPayment {
    @Column(name = "card_brand", length = 20)
    private String cardBrand;
    @Column(name = "card_last4", length = 4)
    private String cardLast4;

    protected HCardPayment() {
    }

    public String getCardBrand() {
        return cardBrand;
    }

    public String getCardLast4() {
        return cardLast4;
    }
}
