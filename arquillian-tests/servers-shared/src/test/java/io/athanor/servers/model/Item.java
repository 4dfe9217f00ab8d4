package io.athanor.servers.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A row with a unique name: a duplicate name fails at flush. */
@Mapped(table = "srv_items")
public class Item {
    @Id
    Long id;
    @Column(nullable = false, unique = true, length = 60)
    String name;

    Item() {
    }

    public Item(String name) {
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }
}
