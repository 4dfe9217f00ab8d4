package io.athanor.core.inheritance;

import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** Two levels below the base: a query of Engineer selects principals too. */
@Mapped
@PolymorphicIdentity("principal")
public class Principal extends Engineer {
    public String area;

    Principal() {
    }

    public Principal(String name, String language, String area) {
        super(name, language);
        this.area = area;
    }
}
