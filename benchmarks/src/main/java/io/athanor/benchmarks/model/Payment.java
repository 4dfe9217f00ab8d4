package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Discriminator;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/**
 * W10's single-table hierarchy: table {@code w10_payment} holds the base's columns and those of
 * {@link CardPayment}, {@link TransferPayment} and {@link CashPayment}; {@code kind} names each row's
 * class. Abstract: every row is one of the three.
 */
@Mapped(table = "w10_payment")
public abstract class Payment {
    @Id
    public Long id;
    @Discriminator
    public String kind;
    public long amount;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(nullable = false, length = 50)
    public String reference;

    protected Payment() {
    }

    protected Payment(long amount, String currency, String reference) {
        this.amount = amount;
        this.currency = currency;
        this.reference = reference;
    }
}
