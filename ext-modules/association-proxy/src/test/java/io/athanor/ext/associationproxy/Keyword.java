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

    /** A plain (unmapped) property: the word in capitals; setting it stores the word in lower case. */
    public String getShout() {
        return word == null ? null : word.toUpperCase(java.util.Locale.ROOT);
    }

    public void setShout(String shout) {
        word = shout == null ? null : shout.toLowerCase(java.util.Locale.ROOT);
    }

    /** A read-only plain property. */
    public boolean isShort() {
        return word != null && word.length() <= 4;
    }

    @Override
    public String toString() {
        return "Keyword(" + word + ")";
    }
}
