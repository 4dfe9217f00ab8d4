package io.athanor.reliability.model;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

/** A child in {@link Parent#kids}: deleted with its parent, and when taken out of its collection. */
@Mapped(table = "rel_kid")
public class Kid {
    @Id
    public Long id;
    public String name;
    @ForeignKey("rel_parent.id")
    public Long parentId;
    @Relationship(backPopulates = "kids")
    public Parent parent;

    Kid() {
    }

    public Kid(String name) {
        this.name = name;
    }
}
