package io.athanor.ext.associationproxy;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

/** A user's nickname, in a Set relationship. */
@Mapped(table = "ap_nicknames")
public class Nickname {
    @Id
    public Long id;
    @ForeignKey("ap_users.id")
    public Long userId;
    public String nick;
    @Relationship(backPopulates = "nicknames")
    public User user;

    Nickname() {
    }

    public Nickname(String nick) {
        this.nick = nick;
    }
}
