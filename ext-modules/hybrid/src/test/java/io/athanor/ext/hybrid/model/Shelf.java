package io.athanor.ext.hybrid.model;

import io.athanor.ext.associationproxy.AssociationProxy;
import io.athanor.ext.hybrid.Derived;
import io.athanor.ext.hybrid.HybridExpression;
import io.athanor.ext.hybrid.HybridMethod;
import io.athanor.ext.hybrid.HybridProperty;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;

/** Hybrids over a relationship (any) and over an association proxy. */
@Mapped(table = "hy_shelf")
public class Shelf {
    /** The titles of the books. */
    public static final AssociationProxy<Shelf, String> TITLES = AssociationProxy.of(Shelf.class, "books", "title",
            String.class);

    @Id
    public Long id;
    public String name;
    @Relationship(backPopulates = "shelf", cascade = "all, delete-orphan", orderBy = "id")
    public List<Book> books = new ArrayList<>();

    protected Shelf() {
    }

    public Shelf(String name) {
        this.name = name;
    }

    /** Relationship any() as a hybrid's SQL. */
    @HybridProperty
    public boolean isStocked() {
        return !books.isEmpty();
    }

    @HybridExpression("stocked")
    static Condition stockedSql() {
        return Shelf_.books.any();
    }

    /** Relationship any(criterion) as a hybrid method's SQL. */
    @HybridMethod
    public boolean hasTitle(String title) {
        return books.stream().anyMatch(b -> title.equals(b.title));
    }

    @HybridExpression("hasTitle")
    static Condition hasTitleSql(Field<String> title) {
        return Shelf_.books.any(Derived.javaEquals(Book_.title, title));
    }

    /** A hybrid built on the association proxy: Java through its view, SQL through its EXISTS. */
    @HybridMethod
    public boolean holds(String title) {
        return TITLES.list(this).contains(title);
    }

    @HybridExpression("holds")
    static Condition holdsSql(String title) {
        return TITLES.contains(title);
    }

    /** A boolean hybrid property over the proxy: a title starting with "SQL". */
    @HybridProperty
    public boolean isAboutSql() {
        return TITLES.list(this).stream().anyMatch(t -> t.startsWith("SQL"));
    }

    @HybridExpression("aboutSql")
    static Condition aboutSqlSql() {
        return TITLES.like("SQL%");
    }
}
