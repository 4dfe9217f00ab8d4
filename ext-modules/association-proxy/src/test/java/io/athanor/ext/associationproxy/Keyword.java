package io.athanor.ext.associationproxy;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A keyword. */
@Mapped(table = "ap_keywords")
public class Keyword {
    @Id
    public Long id;
    public String word;

    Keyword() {
    }

    public Keyword(String word) {
        this.word = word;
    }

    @Override
    public String toString() {
        return "Keyword(" + word + ")";
    }
}
