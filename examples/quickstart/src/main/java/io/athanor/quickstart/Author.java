package io.athanor.quickstart;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** An author: a plain class with fields; the enhancer makes its field accesses tracked. */
@Mapped(table = "authors")
public class Author extends Audited {
    @Id
    Long id;
    @Column(nullable = false, unique = true, length = 80)
    String name;
    int books;

    Author() {
    }

    Author(String name, int books) {
        this.name = name;
        this.books = books;
    }
}
