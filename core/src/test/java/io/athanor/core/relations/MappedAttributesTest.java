package io.athanor.core.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.core.spi.MappedAttributes;
import io.athanor.core.spi.MappedAttributes.Column;
import io.athanor.core.spi.MappedAttributes.Direction;
import io.athanor.core.spi.MappedAttributes.Relation;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extension SPI's view of the relationship fixture: columns, directions and join columns by name. */
class MappedAttributesTest {

    @BeforeAll
    static void mapped() {
        assertTrue(RelationModel.REGISTRY.mappedClasses().contains(Book.class));
    }

    @Test
    void columnsByName() {
        Column title = MappedAttributes.column(Book.class, "title").orElseThrow();
        assertEquals("rel_books", title.table());
        assertEquals("title", title.column());
        assertEquals(String.class, title.javaType());
        assertEquals(Long.class, MappedAttributes.column(Book.class, "authorId").orElseThrow().javaType());
        assertFalse(MappedAttributes.column(Book.class, "author").isPresent(), "a relationship is not a column");
        assertEquals(List.of("id"), MappedAttributes.primaryKey(Author.class).stream().map(Column::column).toList());
        assertTrue(MappedAttributes.attributeNames(Author.class).containsAll(List.of("id", "name", "books", "profile")));
    }

    @Test
    void manyToOneAndOneToManyJoinColumns() {
        Relation author = MappedAttributes.relationship(Book.class, "author").orElseThrow();
        assertEquals(Direction.MANY_TO_ONE, author.direction());
        assertFalse(author.collection());
        assertEquals(Author.class, author.target());
        assertEquals("author_id", author.localColumns().get(0).column());
        assertEquals("rel_books", author.localColumns().get(0).table());
        assertEquals("id", author.remoteColumns().get(0).column());
        assertEquals("rel_authors", author.remoteColumns().get(0).table());
        assertNull(author.secondaryTable());

        Relation books = MappedAttributes.relationship(Author.class, "books").orElseThrow();
        assertEquals(Direction.ONE_TO_MANY, books.direction());
        assertTrue(books.collection());
        assertFalse(books.set());
        assertEquals("id", books.localColumns().get(0).column());
        assertEquals("author_id", books.remoteColumns().get(0).column());
    }

    @Test
    void manyToManyThroughItsSecondaryTable() {
        Relation tags = MappedAttributes.relationship(Book.class, "tags").orElseThrow();
        assertEquals(Direction.MANY_TO_MANY, tags.direction());
        assertTrue(tags.set());
        assertEquals("rel_book_tags", tags.secondaryTable());
        assertEquals("rel_books", tags.ownerKey().get(0).table());
        assertEquals("rel_tags", tags.targetKey().get(0).table());
        assertEquals(1, tags.secondaryOwnerColumns().size());
        assertEquals(1, tags.secondaryTargetColumns().size());
        assertFalse(MappedAttributes.relationship(Book.class, "title").isPresent());
        assertTrue(MappedAttributes.isMapped(Book.class));
        assertFalse(MappedAttributes.isMapped(String.class));
    }
}
