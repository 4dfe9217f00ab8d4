package io.athanor.servers.inheritance.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Discriminator;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Version;

/** The abstract base of the hierarchy: every row of {@code srv_staff} is a manager, an engineer or a contractor. */
@Mapped(table = "srv_staff")
public abstract class Staff {
    @Id
    Long id;
    @Discriminator
    String kind;
    @Column(nullable = false, unique = true, length = 60)
    String name;
    @Version
    int version;

    protected Staff() {
    }

    protected Staff(String name) {
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The class and what it adds, as a test compares it: {@code Manager:ann:100}. */
    public abstract String describe();
}
