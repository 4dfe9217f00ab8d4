package io.athanor.core.guards;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

/**
 * A parent with three one-to-many collections that differ only in their cascades and back-population:
 * members ({@code all, delete-orphan}, bidirectional), guests (the default {@code save-update, merge},
 * bidirectional) and memos (the default cascade, one-directional: Memo has no relationship back).
 */
@Mapped(table = "grd_guilds")
public class Guild {
    @Id
    public Long id;
    public String name;
    @Relationship(backPopulates = "guild", cascade = "all, delete-orphan", orderBy = "name")
    public List<Member> members = new ArrayList<>();
    @Relationship(backPopulates = "guild", orderBy = "name")
    public List<Guest> guests = new ArrayList<>();
    @Relationship(orderBy = "body")
    public List<Memo> memos = new ArrayList<>();

    Guild() {
    }

    public Guild(String name) {
        this.name = name;
    }
}
