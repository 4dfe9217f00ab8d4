package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Discriminator;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/**
 * W10's joined-table hierarchy: table {@code w10j_payment} holds the base's columns, each of
 * {@link JoinedCardPayment}, {@link JoinedTransferPayment} and {@link JoinedCashPayment} a table of its
 * own keyed by a copy of {@code id}; {@code kind} names each row's class. Abstract: every row is one
 * of the three.
 */
@Mapped(table = "w10j_payment")
public abstract class JoinedPayment {
    @Id
    public Long id;
    @Discriminator
    public String kind;
    public long amount;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(nullable = false, length = 50)
    public String reference;

    protected JoinedPayment() {
    }

    protected JoinedPayment(long amount, String currency, String reference) {
        this.amount = amount;
        this.currency = currency;
        this.reference = reference;
    }
}
