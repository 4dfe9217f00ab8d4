package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/** A card payment: table {@code w10j_card}, keyed by {@code id}, joined to {@link HJoinedPayment}'s. */
@Entity(name = "HJoinedCardPayment")
@Table(name = "w10j_card")
@PrimaryKeyJoinColumn(name = "id")
@DiscriminatorValue("card")
public class HJoinedCardPayment extends HJoinedPayment {
    @Column(name = "card_brand", length = 20)
    private String cardBrand;
    @Column(name = "card_last4", length = 4)
    private String cardLast4;

    protected HJoinedCardPayment() {
    }

    public String getCardBrand() {
        return cardBrand;
    }

    public String getCardLast4() {
        return cardLast4;
    }
}
