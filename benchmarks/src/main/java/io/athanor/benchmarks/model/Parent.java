package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

/** W5's parent: table {@code w5_parent}, a one-to-many collection of {@link Child}. */
@Mapped(table = "w5_parent")
public class Parent {
    @Id
    public Long id;
    @Column(nullable = false, length = 50)
    public String name;
    @Relationship(backPopulates = "parent")
    public List<Child> children = new ArrayList<>();

    protected Parent() {
    }

    /** A new (transient) parent. */
    public Parent(String name) {
        this.name = name;
    }
}
