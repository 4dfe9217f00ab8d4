package io.athanor.core.model;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A second class with the same mixin: the mixin's columns are mapped into this table too. */
@Mapped
public class Note extends Audited {
    @Id
    public Long id;
    public String body;

    Note() {
    }

    public Note(String body) {
        this.body = body;
    }
}
