package io.athanor.core.guards;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

/** The child of {@link Guild#members}: cascade {@code all, delete-orphan} from the guild. */
@Mapped(table = "grd_members")
public class Member {
    @Id
    public Long id;
    public String name;
    @ForeignKey("grd_guilds.id")
    public Long guildId;
    @Relationship(backPopulates = "members")
    public Guild guild;

    Member() {
    }

    public Member(String name) {
        this.name = name;
    }
}
