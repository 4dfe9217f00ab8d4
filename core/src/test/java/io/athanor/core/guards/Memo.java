package io.athanor.core.guards;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** The child of the one-directional {@link Guild#memos}: only the guild's collection sets its key. */
@Mapped(table = "grd_memos")
public class Memo {
    @Id
    public Long id;
    public String body;
    @ForeignKey("grd_guilds.id")
    public Long guildId;

    Memo() {
    }

    public Memo(String body) {
        this.body = body;
    }
}
