package io.athanor.core.inheritance;

import io.athanor.mapping.Column;
import io.athanor.mapping.Discriminator;
import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import io.athanor.mapping.Version;

/** The abstract base of a single-table hierarchy: rows are managers, engineers or principals, never staff. */
@Mapped(table = "inh_staff")
public abstract class Staff {
    @Id
    public Long id;
    @Discriminator
    public String kind;
    @Column(nullable = false)
    public String name;
    @Version
    public int version;
    @ForeignKey("inh_teams.id")
    public Long teamId;
    @Relationship(backPopulates = "members")
    public Team team;

    protected Staff() {
    }

    protected Staff(String name) {
        this.name = name;
    }
}
