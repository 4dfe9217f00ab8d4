package io.athanor.core.relations;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

@Mapped(table = "rel_tags")
public class Tag {
    @Id
    public Long id;
    public String label;
    @Relationship(secondary = "rel_book_tags", backPopulates = "tags", orderBy = "title")
    public List<Book> books = new ArrayList<>();

    Tag() {
    }

    public Tag(String label) {
        this.label = label;
    }
}
