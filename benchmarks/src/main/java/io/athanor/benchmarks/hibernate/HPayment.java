package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/**
 * Hibernate's view of W10's single-table hierarchy ({@code w10_payment}, discriminator {@code kind}):
 * {@code InheritanceType.SINGLE_TABLE}, the same values as Athanor's polymorphic identities.
 */
@Entity(name = "HPayment")
@Table(name = "w10_payment")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.STRING)
public abstract class HPayment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "amount", nullable = false)
    private long amount;
    @Column(name = "currency", nullable = false, length = 3)
    private String currency;
    @Column(name = "reference", nullable = false, length = 50)
    private String reference;

    protected HPayment() {
    }

    public Long getId() {
        return id;
    }

    public long getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReference() {
        return reference;
    }
}
