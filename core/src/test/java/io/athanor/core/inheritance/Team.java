package io.athanor.core.inheritance;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

/** A relationship to the hierarchy's base holds instances of its subclasses. */
@Mapped(table = "inh_teams")
public class Team {
    @Id
    public Long id;
    public String name;
    @Relationship(backPopulates = "team", cascade = "all, delete-orphan")
    public List<Staff> members = new ArrayList<>();

    Team() {
    }

    public Team(String name) {
        this.name = name;
    }
}
