package io.athanor.reliability.model;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

/**
 * The parent of the relationship sequences: kids with {@code all, delete-orphan} (save-update,
 * delete and delete-orphan cascades), pals with the default {@code save-update, merge} (removing a
 * pal or deleting the parent sets the pal's key to NULL). Both are mirrored by a many-to-one. Notes
 * are a one-directional one-to-many with the default cascade: nothing but this collection sets their key.
 */
@Mapped(table = "rel_parent")
public class Parent {
    @Id
    public Long id;
    public String name;
    @Relationship(backPopulates = "parent", cascade = "all, delete-orphan")
    public List<Kid> kids = new ArrayList<>();
    @Relationship(backPopulates = "parent")
    public List<Pal> pals = new ArrayList<>();
    @Relationship
    public List<Note> notes = new ArrayList<>();

    Parent() {
    }

    public Parent(String name) {
        this.name = name;
    }
}
