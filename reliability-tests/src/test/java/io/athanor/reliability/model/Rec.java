package io.athanor.reliability.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** The entity of the model-based sequences: a generated key and one value. */
@Mapped(table = "rel_rec")
public class Rec {
    @Id
    public Long id;
    @Column(nullable = false, length = 40)
    public String name;

    Rec() {
    }

    public Rec(String name) {
        this.name = name;
    }

    /** A transient copy carrying a key, for merge(). */
    public static Rec copy(Long id, String name) {
        Rec r = new Rec(name);
        r.id = id;
        return r;
    }
}
