package io.athanor.weld.inheritance.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** Joined-table: a row of {@code weld_staff} and one of {@code weld_contractors}, keyed alike. */
@Mapped(table = "weld_contractors")
@PolymorphicIdentity("contractor")
public class Contractor extends Staff {
    @Column(nullable = false, length = 60)
    String agency;

    Contractor() {
    }

    public Contractor(String name, String agency) {
        super(name);
        this.agency = agency;
    }

    @Override
    public String describe() {
        return "Contractor:" + name + ":" + agency;
    }
}
