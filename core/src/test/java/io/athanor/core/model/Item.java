package io.athanor.core.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A server default: omitted from INSERT when null, loaded on next access. */
@Mapped
public class Item {
    @Id
    public Integer id;
    public String label;
    @Column(serverDefault = "7")
    public Integer stock;

    Item() {
    }

    public Item(String label) {
        this.label = label;
    }
}
