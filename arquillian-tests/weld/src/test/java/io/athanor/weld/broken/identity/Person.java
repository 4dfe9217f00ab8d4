package io.athanor.weld.broken.identity;

import io.athanor.mapping.Discriminator;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** The abstract base of a hierarchy whose two subclasses claim one polymorphic identity. */
@Mapped(table = "weld_people")
public abstract class Person {
    @Id
    Long id;
    @Discriminator
    String kind;

    protected Person() {
    }
}
