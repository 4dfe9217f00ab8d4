package io.athanor.ext.hybrid.model;

import io.athanor.ext.hybrid.HybridExpression;
import io.athanor.ext.hybrid.HybridProperty;
import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import org.jooq.Condition;

/** A book on a shelf: a hybrid whose SQL is the many-to-one's has(). */
@Mapped(table = "hy_book")
public class Book {
    @Id
    public Long id;
    public String title;
    @ForeignKey("hy_shelf.id")
    public Long shelfId;
    @Relationship(backPopulates = "books")
    public Shelf shelf;

    protected Book() {
    }

    public Book(String title) {
        this.title = title;
    }

    /** Relationship has() as a hybrid's SQL. */
    @HybridProperty
    public boolean isShelved() {
        return shelf != null;
    }

    @HybridExpression("shelved")
    static Condition shelvedSql() {
        return Book_.shelf.has();
    }
}
