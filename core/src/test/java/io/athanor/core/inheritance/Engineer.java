package io.athanor.core.inheritance;

import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** A single-table subclass with a subclass of its own. */
@Mapped
@PolymorphicIdentity("engineer")
public class Engineer extends Staff {
    public String language;

    Engineer() {
    }

    public Engineer(String name, String language) {
        super(name);
        this.language = language;
    }
}
