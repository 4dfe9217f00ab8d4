package io.athanor.servers.inheritance.model;

import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** Single-table: stored in {@code srv_staff}, with a column of its own there. */
@Mapped
@PolymorphicIdentity("engineer")
public class Engineer extends Staff {
    String language;

    Engineer() {
    }

    public Engineer(String name, String language) {
        super(name);
        this.language = language;
    }

    @Override
    public String describe() {
        return "Engineer:" + name + ":" + language;
    }
}
