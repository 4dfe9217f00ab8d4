package io.athanor.core.relations;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

@Mapped(table = "rel_authors")
public class Author {
    @Id
    public Long id;
    public String name;
    @Relationship(backPopulates = "author", cascade = "all, delete-orphan", orderBy = "title")
    public List<Book> books = new ArrayList<>();
    @Relationship(uselist = false, backPopulates = "author", cascade = "all")
    public Profile profile;

    Author() {
    }

    public Author(String name) {
        this.name = name;
    }
}
