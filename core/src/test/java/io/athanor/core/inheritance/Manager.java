package io.athanor.core.inheritance;

import io.athanor.mapping.Mapped;

/** A single-table subclass identified by its simple name (no @PolymorphicIdentity). */
@Mapped
public class Manager extends Staff {
    public Integer budget;

    Manager() {
    }

    public Manager(String name, Integer budget) {
        super(name);
        this.budget = budget;
    }
}
