package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Hibernate's view of {@code item} with an IDENTITY key (build-time enhanced: dirty tracking). */
@Entity(name = "HItem")
@Table(name = "item")
public class HItem extends HItemColumns {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    protected HItem() {
    }

    /** A new (transient) item. */
    public HItem(String name, String email, int quantity, long score) {
        super(name, email, quantity, score);
    }

    public Long getId() {
        return id;
    }
}
