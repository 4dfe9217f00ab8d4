package io.athanor.reliability.model;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A child in the one-directional {@link Parent#notes}: only the parent's collection sets its key. */
@Mapped(table = "rel_note")
public class Note {
    @Id
    public Long id;
    public String body;
    @ForeignKey("rel_parent.id")
    public Long parentId;

    Note() {
    }

    public Note(String body) {
        this.body = body;
    }
}
