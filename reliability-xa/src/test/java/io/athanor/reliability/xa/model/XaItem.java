package io.athanor.reliability.xa.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** The row a crash trial writes to PostgreSQL (the default bind). */
@Mapped(table = "xa_items")
public class XaItem {
    @Id
    Long id;
    @Column(nullable = false, unique = true, length = 60)
    String name;

    XaItem() {
    }

    public XaItem(String name) {
        this.name = name;
    }
}
