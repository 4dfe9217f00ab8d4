package io.athanor.ext.associationproxy;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A user with keywords through the association object UserKeyword, and nicknames. */
@Mapped(table = "ap_users")
public class User {
    /** The keywords' words: a proxy of the proxy UserKeyword.WORD. */
    public static final AssociationProxy<User, String> WORDS = AssociationProxy.of(User.class, "userKeywords",
            UserKeyword.WORD).creator(word -> new UserKeyword(new Keyword(word)));
    /** The keyword objects. */
    public static final AssociationProxy<User, Keyword> KEYWORDS = AssociationProxy.of(User.class, "userKeywords",
            "keyword", Keyword.class).creator(UserKeyword::new);
    /** The association objects' notes: no creator. */
    public static final AssociationProxy<User, String> NOTES = AssociationProxy.of(User.class, "userKeywords",
            "note", String.class);
    /** Words keyed by the association object's note. */
    public static final MapProxy<User, String, String> WORDS_BY_NOTE = AssociationProxy.of(User.class,
            "userKeywords", UserKeyword.WORD).keyedBy("note", String.class)
            .creator((note, word) -> new UserKeyword(note, new Keyword(word)));
    /** The nicknames, a Set relationship. */
    public static final AssociationProxy<User, String> NICKS = AssociationProxy.of(User.class, "nicknames", "nick",
            String.class).creator(Nickname::new);

    @Id
    public Long id;
    public String name;
    @Relationship(backPopulates = "user", cascade = "all, delete-orphan", orderBy = "id")
    public List<UserKeyword> userKeywords = new ArrayList<>();
    @Relationship(backPopulates = "user", cascade = "all, delete-orphan")
    public Set<Nickname> nicknames = new LinkedHashSet<>();

    User() {
    }

    public User(String name) {
        this.name = name;
    }

    public List<String> words() {
        return WORDS.list(this);
    }

    public List<Keyword> keywords() {
        return KEYWORDS.list(this);
    }

    public Map<String, String> wordsByNote() {
        return WORDS_BY_NOTE.map(this);
    }

    public Set<String> nicks() {
        return NICKS.set(this);
    }
}
