package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Hibernate's view of {@code item} with the key it recommends: a SEQUENCE with the pooled
 * optimizer (allocation size 50, the sequence {@code item_seq} increments by 50).
 */
@Entity(name = "HSeqItem")
@Table(name = "item")
public class HSeqItem extends HItemColumns {
    /** The sequence's increment, which is Hibernate's allocation size. */
    public static final int ALLOCATION = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_seq")
    @SequenceGenerator(name = "item_seq", sequenceName = "item_seq", allocationSize = ALLOCATION)
    private Long id;

    protected HSeqItem() {
    }

    /** A new (transient) item. */
    public HSeqItem(String name, String email, int quantity, long score) {
        super(name, email, quantity, score);
    }

    public Long getId() {
        return id;
    }
}
