package io.athanor.reliability.model;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

/** A child in {@link Parent#pals}: kept, with a NULL key, when taken out or when its parent is deleted. */
@Mapped(table = "rel_pal")
public class Pal {
    @Id
    public Long id;
    public String name;
    @ForeignKey("rel_parent.id")
    public Long parentId;
    @Relationship(backPopulates = "pals")
    public Parent parent;

    Pal() {
    }

    public Pal(String name) {
        this.name = name;
    }
}
