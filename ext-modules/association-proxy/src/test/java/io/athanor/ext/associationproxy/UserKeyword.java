package io.athanor.ext.associationproxy;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

/** The association object between User and Keyword, with a note of its own. */
@Mapped(table = "ap_user_keywords")
public class UserKeyword {
    /** The keyword's word: a scalar proxy across the many-to-one keyword. */
    public static final AssociationProxy<UserKeyword, String> WORD = AssociationProxy.of(UserKeyword.class,
            "keyword", "word", String.class).creator(Keyword::new);

    @Id
    public Long id;
    @ForeignKey("ap_users.id")
    public Long userId;
    @ForeignKey("ap_keywords.id")
    public Long keywordId;
    public String note;
    @Relationship(backPopulates = "userKeywords")
    public User user;
    @Relationship
    public Keyword keyword;

    UserKeyword() {
    }

    public UserKeyword(Keyword keyword) {
        this.keyword = keyword;
    }

    public UserKeyword(String note, Keyword keyword) {
        this.note = note;
        this.keyword = keyword;
    }
}
