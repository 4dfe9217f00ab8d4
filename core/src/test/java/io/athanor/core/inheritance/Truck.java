package io.athanor.core.inheritance;

import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** A second joined subclass. */
@Mapped(table = "inh_trucks")
@PolymorphicIdentity("truck")
public class Truck extends Vehicle {
    public Double payload;

    Truck() {
    }

    public Truck(String maker, Double payload) {
        super(maker);
        this.payload = payload;
    }
}
