package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** The benchmarks' Athanor entity: table {@code item}, database-generated key, four plain columns. */
@Mapped(table = "item")
public class Item {
    @Id
    public Long id;
    @Column(nullable = false, length = 50)
    public String name;
    @Column(length = 100)
    public String email;
    public int quantity;
    public long score;

    protected Item() {
    }

    /** A new (transient) item. */
    public Item(String name, String email, int quantity, long score) {
        this.name = name;
        this.email = email;
        this.quantity = quantity;
        this.score = score;
    }
}
