package io.athanor.core.relations;

import static io.athanor.sql.Load.selectinload;
import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Row;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Joins along relationships, any()/has() EXISTS conditions, several entities and columns in one select. */
@AllDatabases
class RelationshipQueriesTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        engine = RelationModel.freshEngine(db);
        sessions = RelationModel.sessions(engine);
        sessions.transaction(s -> {
            Author ann = new Author("ann");
            Book dune = new Book("dune");
            Book emma = new Book("emma");
            ann.books.add(dune);
            ann.books.add(emma);
            Author bob = new Author("bob");
            Book fog = new Book("fog");
            bob.books.add(fog);
            s.add(new Author("cy"));
            Tag classic = new Tag("classic");
            Tag scifi = new Tag("scifi");
            dune.tags.add(classic);
            dune.tags.add(scifi);
            emma.tags.add(classic);
            s.add(ann);
            s.add(bob);
            s.add(new Tag("unused"));
            Node root = new Node("root");
            Node leaf = new Node("leaf", root);
            new Node("leaf2", root);
            new Node("deep", leaf);
            s.add(root);
        });
    }

    private static List<String> names(List<Author> authors) {
        return authors.stream().map(a -> a.name).toList();
    }

    @Test
    void joinAlongARelationshipFiltersOnTheJoinedEntity() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Author> found = s.scalars(select(Author.class).join(Author_.books).where(Book_.title.eq("fog")))
                    .all();
            assertEquals(List.of("bob"), names(found));
            assertEquals("SELECT \"rel_authors\".\"id\", \"rel_authors\".\"name\" FROM \"rel_authors\" JOIN "
                    + "\"rel_books\" ON \"rel_authors\".\"id\" = \"rel_books\".\"author_id\" WHERE "
                    + "\"rel_books\".\"title\" = ?", EagerLoadingTest.shape(sql).get(0));
            List<Author> twice = s.scalars(select(Author.class).join(Author_.books).where(Author_.name.eq("ann"))).all();
            assertEquals(2, twice.size(), "an explicit join repeats the parent per row, as SQLAlchemy");
            assertSame(twice.get(0), twice.get(1));
        }
    }

    @Test
    void outerJoinKeepsParentsWithoutChildren() {
        try (Session s = sessions.open()) {
            List<Row> rows = s.execute(select(Author_.name, Book_.title).outerJoin(Author_.books)
                    .orderBy(Author_.name, Book_.title)).all();
            assertEquals(List.of("ann/dune", "ann/emma", "bob/fog", "cy/null"),
                    rows.stream().map(r -> r.get(0) + "/" + r.get(1)).toList());
            List<Author> none = s.scalars(select(Author.class).outerJoin(Author_.books).where(Book_.id.isNull())).all();
            assertEquals(List.of("cy"), names(none));
        }
    }

    @Test
    void manyToManyJoinsThroughTheAssociationTable() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Book> classics = s.scalars(select(Book.class).join(Book_.tags).where(Tag_.label.eq("classic"))
                    .orderBy(Book_.title)).all();
            assertEquals(List.of("dune", "emma"), classics.stream().map(b -> b.title).toList());
            String q = EagerLoadingTest.shape(sql).get(0);
            assertTrue(q.contains("FROM \"rel_books\" JOIN \"rel_book_tags\" ON \"rel_books\".\"id\" = "
                    + "\"rel_book_tags\".\"book_id\" JOIN \"rel_tags\" ON \"rel_tags\".\"id\" = "
                    + "\"rel_book_tags\".\"tag_id\""), q);
            List<Author> two = s.scalars(select(Author.class).join(Author_.books).join(Book_.tags)
                    .where(Tag_.label.eq("scifi"))).all();
            assertEquals(List.of("ann"), names(two), "joins chain from the previous target");
        }
    }

    @Test
    void severalEntitiesInOneSelect() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Row> rows = s.execute(select(Author.class, Book.class).join(Author_.books).orderBy(Book_.title))
                    .all();
            assertEquals(3, rows.size());
            Author ann = rows.get(0).get(0, Author.class);
            assertSame(ann, rows.get(1).get(0, Author.class), "one instance per identity");
            assertEquals("emma", rows.get(1).get(1, Book.class).title);
            assertSame(ann, rows.get(1).get("Author"));
            assertTrue(EagerLoadingTest.shape(sql).get(0).contains("FROM \"rel_authors\" JOIN \"rel_books\" ON"),
                    sql.lines().toString());
            List<Row> fromTarget = s.execute(select(Book.class).join(Author_.books).where(Author_.name.eq("bob")))
                    .all();
            assertEquals("fog", fromTarget.get(0).get(0, Book.class).title,
                    "the join's owner enters the FROM clause when it is not selected");
        }
    }

    @Test
    void anyAndHasAreCorrelatedExists() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            assertEquals(List.of("ann", "bob"), names(s.scalars(select(Author.class).where(Author_.books.any())
                    .orderBy(Author_.name)).all()));
            assertEquals(List.of("ann"), names(s.scalars(select(Author.class)
                    .where(Author_.books.any(Book_.title.eq("emma")))).all()));
            assertEquals("SELECT \"rel_authors\".\"id\", \"rel_authors\".\"name\" FROM \"rel_authors\" WHERE EXISTS "
                    + "(SELECT 1 FROM \"rel_books\" WHERE (\"rel_authors\".\"id\" = \"rel_books\".\"author_id\" AND "
                    + "\"rel_books\".\"title\" = ?))", EagerLoadingTest.shape(sql).get(1));
            List<Book> byAuthor = s.scalars(select(Book.class).where(Book_.author.has(Author_.name.eq("bob")))).all();
            assertEquals("fog", byAuthor.get(0).title);
            assertEquals(1, byAuthor.size());
            List<Author> withClassics = s.scalars(select(Author.class).where(Author_.books.any(
                    Book_.tags.any(Tag_.label.eq("classic"))))).all();
            assertEquals(List.of("ann"), names(withClassics), "nested, through the association table");
            List<Tag> unused = s.scalars(select(Tag.class).where(Tag_.books.any().not())).all();
            assertEquals("unused", unused.get(0).label);
            assertEquals(1, unused.size());
        }
    }

    @Test
    void selfReferentialAnyAndHasAliasTheInnerTable() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Node> parentsOfLeaf = s.scalars(select(Node.class).where(Node_.children.any(Node_.name.eq("leaf"))))
                    .all();
            assertEquals(List.of("root"), parentsOfLeaf.stream().map(n -> n.name).toList());
            assertTrue(EagerLoadingTest.shape(sql).get(0).contains("EXISTS (SELECT 1 FROM \"rel_nodes\" \"rel_nodes_1\" "
                    + "WHERE (\"rel_nodes\".\"id\" = \"rel_nodes_1\".\"parent_id\" AND \"rel_nodes_1\".\"name\" = ?))"),
                    sql.lines().toString());
            List<Node> underRoot = s.scalars(select(Node.class).where(Node_.parent.has(Node_.name.eq("root")))
                    .orderBy(Node_.name)).all();
            assertEquals(List.of("leaf", "leaf2"), underRoot.stream().map(n -> n.name).toList());
        }
    }

    @Test
    void joinsCombineWithEagerLoading() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Author> found = s.scalars(select(Author.class).join(Author_.books).where(Book_.title.eq("dune"))
                    .options(selectinload(Author_.books))).all();
            assertEquals(1, found.size());
            assertEquals(List.of("dune", "emma"), found.get(0).books.stream().map(b -> b.title).toList(),
                    "the collection holds all books, not only the joined ones");
            assertEquals(2, sql.count());
        }
    }

    @Test
    void misuseIsReported() {
        try (Session s = sessions.open()) {
            InvalidRequestException any = assertThrows(InvalidRequestException.class,
                    () -> s.scalars(select(Book.class).where(Book_.author.any())).all());
            assertTrue(any.getMessage().startsWith("ATHANOR-4062: any() is for collections; 'Book.author'"),
                    any.getMessage());
            InvalidRequestException has = assertThrows(InvalidRequestException.class,
                    () -> s.scalars(select(Author.class).where(Author_.books.has())).all());
            assertTrue(has.getMessage().startsWith("ATHANOR-4063: "), has.getMessage());
            InvalidRequestException self = assertThrows(InvalidRequestException.class,
                    () -> s.scalars(select(Node.class).join(Node_.children)).all());
            assertTrue(self.getMessage().startsWith("ATHANOR-4007: "), self.getMessage());
            InvalidRequestException twice = assertThrows(InvalidRequestException.class,
                    () -> s.scalars(select(Author.class).join(Author_.books).join(Author_.books)).all());
            assertTrue(twice.getMessage().startsWith("ATHANOR-4009: "), twice.getMessage());
            assertNull(s.scalars(select(Author.class).where(Author_.name.eq("nobody"))).first());
        }
    }
}
