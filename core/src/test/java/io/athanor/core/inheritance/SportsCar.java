package io.athanor.core.inheritance;

import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** Single-table below a joined level: stored in the cars table (a mixed hierarchy). */
@Mapped
@PolymorphicIdentity("sports")
public class SportsCar extends Car {
    public Integer topSpeed;

    SportsCar() {
    }

    public SportsCar(String maker, Integer topSpeed) {
        super(maker, 2);
        this.topSpeed = topSpeed;
    }
}
