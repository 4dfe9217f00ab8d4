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
 * Hibernate's view of W10's joined-table hierarchy ({@code w10j_payment} and a table per subclass
 * keyed by {@code id}): {@code InheritanceType.JOINED} with the discriminator column {@code kind}
 * that Athanor writes (an explicit discriminator, which Hibernate uses for joined inheritance too).
 */
@Entity(name = "HJoinedPayment")
@Table(name = "w10j_payment")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.STRING)
public abstract class HJoinedPayment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "amount", nullable = false)
    private long amount;
    @Column(name = "currency", nullable = false, length = 3)
    private String currency;
    @Column(name = "reference", nullable = false, length = 50)
    private String reference;

    protected HJoinedPayment() {
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
