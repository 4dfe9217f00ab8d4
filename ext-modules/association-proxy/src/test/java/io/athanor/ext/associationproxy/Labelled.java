package io.athanor.ext.associationproxy;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Mixin;
import io.athanor.mapping.Relationship;

/** A mixin with a many-to-one label and a scalar proxy to its word. */
@Mixin
public abstract class Labelled {
    /** The label's word; reading gives null while there is no label, writing creates one. */
    public static final AssociationProxy<Labelled, String> LABEL = AssociationProxy.of(Labelled.class, "label",
            "word", String.class).creator(Keyword::new);

    @ForeignKey("ap_keywords.id")
    public Long labelId;
    @Relationship
    public Keyword label;

    public String label() {
        return LABEL.get(this);
    }

    public void label(String word) {
        LABEL.set(this, word);
    }
}
