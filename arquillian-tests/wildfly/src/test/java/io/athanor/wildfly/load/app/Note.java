package io.athanor.wildfly.load.app;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A row each insert request adds, under one of a few tags that the query requests look up. */
@Mapped(table = "load_notes")
public class Note {
    @Id
    Long id;
    @Column(nullable = false, length = 16)
    String tag;
    @Column(nullable = false, length = 80)
    String body;

    Note() {
    }

    Note(String tag, String body) {
        this.tag = tag;
        this.body = body;
    }

    public Long id() {
        return id;
    }

    public String tag() {
        return tag;
    }
}
