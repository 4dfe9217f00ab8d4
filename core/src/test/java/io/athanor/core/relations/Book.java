package io.athanor.core.relations;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.LinkedHashSet;
import java.util.Set;

@Mapped(table = "rel_books")
public class Book {
    @Id
    public Long id;
    public String title;
    @ForeignKey("rel_authors.id")
    public Long authorId;
    @Relationship(backPopulates = "books")
    public Author author;
    @Relationship(secondary = "rel_book_tags", backPopulates = "books")
    public Set<Tag> tags = new LinkedHashSet<>();

    Book() {
    }

    public Book(String title) {
        this.title = title;
    }
}
