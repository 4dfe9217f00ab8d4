package io.athanor.servers.inheritance.model;

import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** Single-table: stored in {@code srv_staff}, with a column of its own there. */
@Mapped
@PolymorphicIdentity("manager")
public class Manager extends Staff {
    Integer budget;

    Manager() {
    }

    public Manager(String name, int budget) {
        super(name);
        this.budget = budget;
    }

    @Override
    public String describe() {
        return "Manager:" + name + ":" + budget;
    }
}
