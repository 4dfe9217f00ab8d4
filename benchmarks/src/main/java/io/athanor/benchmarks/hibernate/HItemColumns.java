package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The non-key columns of {@code item}, shared by both Hibernate entities. */
@MappedSuperclass
public abstract class HItemColumns {
    @Column(nullable = false, length = 50)
    private String name;
    @Column(length = 100)
    private String email;
    private int quantity;
    private long score;

    protected HItemColumns() {
    }

    protected HItemColumns(String name, String email, int quantity, long score) {
        this.name = name;
        this.email = email;
        this.quantity = quantity;
        this.score = score;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public long getScore() {
        return score;
    }
}
