package io.athanor.ext.associationproxy;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A second class with the Labelled mixin, in its own table. */
@Mapped(table = "ap_memos")
public class Memo extends Labelled {
    @Id
    public Long id;
    public String body;

    Memo() {
    }

    public Memo(String body) {
        this.body = body;
    }
}
