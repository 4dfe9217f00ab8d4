package io.athanor.core.guards;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

/** The child of {@link Guild#guests}: the default cascade, no delete, no delete-orphan, no expunge. */
@Mapped(table = "grd_guests")
public class Guest {
    @Id
    public Long id;
    public String name;
    @ForeignKey("grd_guilds.id")
    public Long guildId;
    @Relationship(backPopulates = "guests")
    public Guild guild;

    Guest() {
    }

    public Guest(String name) {
        this.name = name;
    }
}
