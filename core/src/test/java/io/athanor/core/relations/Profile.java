package io.athanor.core.relations;

import io.athanor.mapping.Column;
import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

/** One-to-one with Author: the foreign key is here, unique. */
@Mapped(table = "rel_profiles")
public class Profile {
    @Id
    public Long id;
    public String bio;
    @ForeignKey(value = "rel_authors.id", onDelete = "CASCADE")
    @Column(unique = true)
    public Long authorId;
    @Relationship(backPopulates = "profile")
    public Author author;

    Profile() {
    }

    public Profile(String bio) {
        this.bio = bio;
    }
}
