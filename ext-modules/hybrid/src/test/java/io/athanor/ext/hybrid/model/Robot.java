package io.athanor.ext.hybrid.model;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A second class that inherits the hybrids of {@link Named}, over its own table. */
@Mapped(table = "robot")
public class Robot extends Named {
    @Id
    public Long id;

    protected Robot() {
    }

    public Robot(String first, String last) {
        this.first = first;
        this.last = last;
    }
}
