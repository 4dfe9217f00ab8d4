package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

/** W5's child: table {@code w5_child}, many-to-one to {@link Parent} through {@code parent_id}. */
@Mapped(table = "w5_child")
public class Child {
    @Id
    public Long id;
    @ForeignKey("w5_parent.id")
    public Long parentId;
    @Column(nullable = false, length = 50)
    public String name;
    public int position;
    @Relationship(backPopulates = "children")
    public Parent parent;

    protected Child() {
    }

    /** A new (transient) child. */
    public Child(String name, int position) {
        this.name = name;
        this.position = position;
    }
}
