package io.athanor.servers.inheritance.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** Joined-table: a row of {@code srv_staff} and one of {@code srv_contractors}, keyed alike. */
@Mapped(table = "srv_contractors")
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
