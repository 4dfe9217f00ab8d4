package io.athanor.core.inheritance;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** A joined subclass: its own table, keyed by a copy of the base's key. */
@Mapped(table = "inh_cars")
@PolymorphicIdentity("car")
public class Car extends Vehicle {
    @Column(nullable = false)
    public Integer seats;

    Car() {
    }

    public Car(String maker, Integer seats) {
        super(maker);
        this.seats = seats;
    }
}
