package io.athanor.core.relations;

import static io.athanor.sql.Load.joinedload;
import static io.athanor.sql.Load.lazyload;
import static io.athanor.sql.Load.noload;
import static io.athanor.sql.Load.raiseload;
import static io.athanor.sql.Load.selectinload;
import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.NoAutoflush;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.sql.LoaderOption;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Loader options and eager strategies: statement counts, SQL shape and loaded values. */
@AllDatabases
class EagerLoadingTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        engine = RelationModel.freshEngine(db);
        sessions = RelationModel.sessions(engine);
    }

    /** The statements with MariaDB's backquotes as double quotes and without AS before aliases. */
    static List<String> shape(SqlCapture sql) {
        return sql.statements().stream().map(x -> x.replace('`', '"').replace(" AS \"", " \"")).toList();
    }

    private void hundredAuthors() {
        sessions.transaction(s -> {
            for (int i = 0; i < 100; i++) {
                Author a = new Author(String.format("a%03d", i));
                a.books.add(new Book("t" + i + "-b"));
                a.books.add(new Book("t" + i + "-a"));
                s.add(a);
            }
        });
    }

    private static int books(List<Author> authors) {
        int n = 0;
        for (Author a : authors) {
            n += a.books.size();
            assertEquals(List.of("t" + a.name.substring(1).replaceFirst("^0+(?=.)", "") + "-a",
                    "t" + a.name.substring(1).replaceFirst("^0+(?=.)", "") + "-b"),
                    a.books.stream().map(b -> b.title).toList(), "orderBy title");
        }
        return n;
    }

    @Test
    void noNPlusOneByAccident() {
        hundredAuthors();
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Author> all = s.scalars(select(Author.class).orderBy(Author_.name)).all();
            assertEquals(200, books(all));
            assertEquals(101, sql.count(), "lazy = SELECT: 1 + N");
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Author> all = s.scalars(select(Author.class).orderBy(Author_.name)
                    .options(selectinload(Author_.books))).all();
            assertEquals(2, sql.count(), "selectinload: the authors, then one IN query: " + sql.lines());
            assertEquals(100, all.size());
            assertEquals(200, books(all));
            assertEquals(2, sql.count(), "nothing more on access");
            String in = shape(sql).get(1);
            assertTrue(in.contains(" IN ("), in);
            assertTrue(in.endsWith("ORDER BY \"rel_books\".\"title\""), in);
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Author> all = s.scalars(select(Author.class).orderBy(Author_.name)
                    .options(joinedload(Author_.books))).all();
            assertEquals(100, all.size(), "joined rows are made unique per author");
            assertEquals(200, books(all));
            assertEquals(1, sql.count(), "joinedload: one statement: " + sql.lines());
            String q = shape(sql).get(0);
            assertTrue(q.contains("FROM \"rel_authors\" LEFT OUTER JOIN \"rel_books\" \"rel_books_1\" ON "
                    + "\"rel_authors\".\"id\" = \"rel_books_1\".\"author_id\""), q);
            assertTrue(q.endsWith("ORDER BY \"rel_authors\".\"name\", \"rel_books_1\".\"title\""), q);
        }
    }

    @Test
    void selectinChunksLargeBatches() {
        sessions.transaction(s -> {
            for (int i = 0; i < 1001; i++) {
                s.add(new Author("a" + i));
            }
        });
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Author> all = s.scalars(select(Author.class).options(selectinload(Author_.books))).all();
            assertEquals(1001, all.size());
            assertEquals(4, sql.count(), "1 + three IN queries of at most 500 keys: " + sql.statements().size());
            assertTrue(all.stream().allMatch(a -> a.books.isEmpty()));
            assertEquals(4, sql.count());
        }
    }

    @Test
    void chainedOptionsApplyToTheNextLevel() {
        sessions.transaction(s -> {
            Author a = new Author("ann");
            Book b1 = new Book("b1");
            Book b2 = new Book("b2");
            a.books.add(b1);
            a.books.add(b2);
            b1.tags.add(new Tag("x"));
            b1.tags.add(new Tag("y"));
            s.add(a);
        });
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Author a = s.scalars(select(Author.class).options(selectinload(Author_.books).selectinload(Book_.tags)))
                    .one();
            assertEquals(3, sql.count(), "authors, books IN, tags IN through the association table: " + sql.lines());
            String tags = shape(sql).get(2);
            assertTrue(tags.startsWith("SELECT \"rel_book_tags\".\"book_id\", "), tags);
            assertTrue(tags.contains("JOIN \"rel_book_tags\" ON"), tags);
            assertEquals(List.of("x", "y"), a.books.get(0).tags.stream().map(t -> t.label).sorted().toList());
            assertTrue(a.books.get(1).tags.isEmpty());
            assertEquals(3, sql.count());
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Author a = s.scalars(select(Author.class).options(selectinload(Author_.books).joinedload(Book_.tags)))
                    .one();
            assertEquals(2, sql.count(), "the IN query joins the tags: " + sql.lines());
            assertTrue(shape(sql).get(1).contains("LEFT OUTER JOIN \"rel_book_tags\""), sql.lines().toString());
            assertEquals(2, a.books.size(), "books not repeated per tag");
            assertEquals(2, a.books.get(0).tags.size());
            assertEquals(2, sql.count());
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Author a = s.scalars(select(Author.class).options(joinedload(Author_.books).joinedload(Book_.tags))).one();
            assertEquals(1, sql.count(), sql.lines().toString());
            assertEquals(List.of("b1", "b2"), a.books.stream().map(b -> b.title).toList());
            assertEquals(2, a.books.get(0).tags.size());
            assertEquals(1, sql.count());
        }
    }

    @Test
    void manyToOneSelectinSkipsObjectsInTheIdentityMap() {
        sessions.transaction(s -> {
            for (String name : List.of("ann", "bob")) {
                Author a = new Author(name);
                a.books.add(new Book(name + "1"));
                a.books.add(new Book(name + "2"));
                s.add(a);
            }
        });
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Author ann = s.scalars(select(Author.class).where(Author_.name.eq("ann"))).one();
            sql.clear();
            List<Book> books = s.scalars(select(Book.class).orderBy(Book_.title).options(selectinload(Book_.author)))
                    .all();
            assertEquals(2, sql.count(), "books, then only bob by key: " + sql.lines());
            assertTrue(sql.lines().get(1).endsWith("[" + books.get(2).authorId + "]"), sql.lines().get(1));
            assertSame(ann, books.get(0).author);
            assertEquals("bob", books.get(3).author.name);
            assertSame(books.get(2).author, books.get(3).author);
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Book> books = s.scalars(select(Book.class).orderBy(Book_.title).options(joinedload(Book_.author)))
                    .all();
            assertEquals(4, books.size(), "a many-to-one join does not repeat rows");
            assertEquals("ann", books.get(1).author.name);
            assertEquals(1, sql.count());
        }
    }

    @Test
    void anInQueryRenderedOnceServesOtherKeysOfTheSameCountAndNestedLoadsGetTheirOwn() {
        hundredAuthors();
        sessions.transaction(s -> {
            for (Book b : s.scalars(select(Book.class)).all()) {
                if (b.title.endsWith("-a")) {
                    b.tags.add(new Tag("tag of " + b.title));
                }
            }
        });
        List<String> statements = new java.util.ArrayList<>();
        for (String[] names : List.of(new String[] {"a001", "a002"}, new String[] {"a050", "a099"})) {
            try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
                List<Author> two = s.scalars(select(Author.class).where(Author_.name.in(List.of(names)))
                        .orderBy(Author_.name).options(selectinload(Author_.books))).all();
                assertEquals(List.of(names), two.stream().map(a -> a.name).toList());
                assertEquals(4, books(two), "each author's own books, whichever keys the statement binds");
                statements.add(shape(sql).get(1));
            }
        }
        assertEquals(statements.get(0), statements.get(1), "one statement for two keys");
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Author> two = s.scalars(select(Author.class).where(Author_.name.in(List.of("a003", "a004")))
                    .orderBy(Author_.name).options(selectinload(Author_.books).joinedload(Book_.tags))).all();
            assertEquals(4, books(two));
            for (Author a : two) {
                for (Book b : a.books) {
                    assertEquals(b.title.endsWith("-a") ? List.of("tag of " + b.title) : List.of(),
                            b.tags.stream().map(t -> t.label).toList(), "the nested joined load's rows");
                }
            }
            assertEquals(2, sql.count(), sql.lines().toString());
            assertTrue(shape(sql).get(1).contains("rel_tags"), "a nested joined load is another statement: "
                    + shape(sql).get(1));
        }
    }

    @Test
    void twoJoinedCollectionsSideBySideHoldEachObjectOnceWhateverTheirSize() {
        sessions.transaction(s -> {
            Department d = new Department("sales");
            for (int i = 0; i < 20; i++) {
                d.staff.add(new Employee("staff" + i));
            }
            for (int i = 0; i < 3; i++) {
                d.alumni.add(new Employee("former" + i));
            }
            s.add(d);
        });
        // the rows are the product: each staff member on 3 rows, each former one on 20, apart
        for (var options : List.of(List.of(joinedload(Department_.staff), joinedload(Department_.alumni)),
                List.of(joinedload(Department_.alumni), joinedload(Department_.staff)))) {
            try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
                Department d = s.scalars(select(Department.class).options(options.toArray()))
                        .one();
                assertEquals(1, sql.count(), sql.lines().toString());
                assertEquals(20, d.staff.size(), "no repeats among 20 (more than a scan covers)");
                assertEquals(20, d.staff.stream().map(e -> e.name).distinct().count());
                assertEquals(java.util.Set.of("former0", "former1", "former2"),
                        d.alumni.stream().map(e -> e.name).collect(Collectors.toSet()));
                assertEquals(3, d.alumni.size(), "no repeats among 3, though they come back on rows apart");
            }
        }
    }

    @Test
    void manyToManyJoinedAndSelectin() {
        sessions.transaction(s -> {
            Tag x = new Tag("x");
            for (String title : List.of("b2", "b1", "b3")) {
                Book b = new Book(title);
                b.tags.add(x);
                s.add(b);
            }
            s.add(new Tag("lonely"));
        });
        for (var option : List.of(selectinload(Tag_.books), joinedload(Tag_.books))) {
            try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
                List<Tag> tags = s.scalars(select(Tag.class).orderBy(Tag_.label).options(option)).all();
                assertEquals(List.of("lonely", "x"), tags.stream().map(t -> t.label).toList());
                assertEquals(List.of(), tags.get(0).books);
                assertEquals(List.of("b1", "b2", "b3"), tags.get(1).books.stream().map(b -> b.title).toList());
                assertEquals(option.toString().startsWith("joined") ? 1 : 2, sql.count(), sql.lines().toString());
            }
        }
    }

    @Test
    void raiseloadNoloadAndLazyloadOverrideTheMapping() {
        sessions.transaction(s -> {
            Author a = new Author("ann");
            a.books.add(new Book("b"));
            s.add(a);
            Series series = new Series("dune");
            series.volumes.add(new Volume(1, "Dune"));
            s.add(series);
        });
        try (Session s = sessions.open()) {
            Author a = s.scalars(select(Author.class).options(raiseload(Author_.books))).one();
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> a.books.size());
            assertEquals("ATHANOR-2054: 'Author.books' is not available due to lazy = RAISE: load it in the query "
                    + "with selectinload(...) or joinedload(...)", e.getMessage());
            assertEquals("ann", a.name);
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Author a = s.scalars(select(Author.class).options(noload(Author_.books))).one();
            assertTrue(a.books.isEmpty());
            assertEquals(1, sql.count());
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Series series = s.scalars(select(Series.class).options(lazyload(Series_.volumes))).one();
            assertEquals(1, sql.count(), "lazyload overrides the mapped SELECTIN");
            assertTrue(Athanor.inspect(series).unloadedAttributes().contains("volumes"));
            assertEquals("Dune", series.volumes.get(0).title);
            assertEquals(2, sql.count());
        }
    }

    @Test
    void mappedSelectinAndJoinedLoadWithQueriesAndGet() {
        long id = sessions.transactionResult(s -> {
            Series series = new Series("foundation");
            series.volumes.add(new Volume(2, "Foundation and Empire"));
            series.volumes.add(new Volume(1, "Foundation"));
            s.add(series);
            s.flush();
            return series.id;
        });
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Series series = s.scalars(select(Series.class)).one();
            assertEquals(2, sql.count(), "series, then volumes IN (mapped SELECTIN): " + sql.lines());
            assertFalse(shape(sql).get(1).contains("JOIN"),
                    "Volume.series (mapped JOINED) is not joined back: Series is already on the path");
            assertEquals(List.of(1, 2), series.volumes.stream().map(v -> v.number).toList());
            assertSame(series, series.volumes.get(0).series, "from the identity map");
            assertEquals(2, sql.count());
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Volume> volumes = s.scalars(select(Volume.class).orderBy(Volume_.number)).all();
            assertEquals(1, sql.count(), "mapped JOINED series in the same statement: " + sql.lines());
            assertTrue(shape(sql).get(0).contains("LEFT OUTER JOIN \"rel_series\""), sql.lines().toString());
            assertEquals("foundation", volumes.get(0).series.name);
            assertEquals(1, sql.count());
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Series series = s.get(Series.class, id);
            assertEquals(2, sql.count(), "get() loads mapped SELECTIN too: " + sql.lines());
            assertEquals(2, series.volumes.size());
            assertEquals(2, sql.count());
        }
    }

    @Test
    void eagerLoadsKeepUnflushedChangesAndLoadedValues() {
        sessions.transaction(s -> {
            Author a = new Author("ann");
            a.books.add(new Book("b1"));
            s.add(a);
        });
        try (Session s = sessions.open()) {
            Author a = s.scalars(select(Author.class)).one();
            a.books.add(new Book("new"));
            Book b1 = a.books.get(0);
            b1.title = "changed";
            NoAutoflush guard = s.noAutoflush();
            try (SqlCapture sql = SqlCapture.start()) {
                Author again = s.scalars(select(Author.class).options(selectinload(Author_.books))).one();
                assertSame(a, again);
                assertEquals(1, sql.count(), "books already loaded: no IN query: " + sql.lines());
                assertEquals(List.of("changed", "new"), again.books.stream().map(b -> b.title).toList());
                List<Book> books = s.scalars(select(Book.class).options(joinedload(Book_.author))).all();
                assertSame(b1, books.get(0));
                assertEquals("changed", b1.title, "unflushed change kept");
                assertSame(a, b1.author, "the unloaded many-to-one was populated from the join");
            } finally {
                guard.close();
            }
        }
    }

    @Test
    void eagerLoadingAfterCommitReloadsExpiredObjects() {
        sessions.transaction(s -> {
            Author a = new Author("ann");
            a.books.add(new Book("b1"));
            s.add(a);
        });
        try (Session s = sessions.open()) {
            Author a = s.scalars(select(Author.class).options(selectinload(Author_.books))).one();
            assertEquals(1, a.books.size());
            RelationModel.update(engine, "INSERT INTO rel_books (id, title, author_id) VALUES (999, 'b2', " + a.id + ")");
            RelationModel.update(engine, "UPDATE rel_authors SET name = 'anne'");
            s.commit();
            assertTrue(Athanor.inspect(a).unloadedAttributes().containsAll(List.of("name", "books")));
            try (SqlCapture sql = SqlCapture.start()) {
                Author again = s.scalars(select(Author.class).options(joinedload(Author_.books))).one();
                assertSame(a, again);
                assertEquals(1, sql.count());
                assertEquals("anne", a.name);
                assertEquals(List.of("b1", "b2"), a.books.stream().map(b -> b.title).toList());
                assertEquals(1, sql.count());
            }
        }
    }

    @Test
    void eagerValuesStayReadableWhenDetached() {
        sessions.transaction(s -> {
            Author a = new Author("ann");
            a.books.add(new Book("b1"));
            s.add(a);
        });
        SessionMaker keep = RelationModel.keepLoaded(engine);
        Author a;
        Author lazy;
        try (Session s = keep.open()) {
            a = s.scalars(select(Author.class).options(selectinload(Author_.books).joinedload(Book_.tags))).one();
        }
        assertEquals("b1", a.books.get(0).title, "loaded before close");
        assertTrue(a.books.get(0).tags.isEmpty());
        try (Session s = keep.open()) {
            lazy = s.scalars(select(Author.class)).one();
        }
        io.athanor.DetachedInstanceException e = assertThrows(io.athanor.DetachedInstanceException.class,
                () -> lazy.books.size());
        assertTrue(e.getMessage().contains("relationship 'books' is not loaded"), e.getMessage());
    }

    @Test
    void limitWithJoinedCollectionWrapsTheParentQuery() {
        hundredAuthors();
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Author> page = s.scalars(select(Author.class).orderBy(Author_.name.desc()).limit(3).offset(1)
                    .options(joinedload(Author_.books))).all();
            assertEquals(List.of("a098", "a097", "a096"), page.stream().map(a -> a.name).toList(),
                    "the limit counts authors, not joined rows");
            assertEquals(6, books(page));
            assertEquals(1, sql.count());
            String q = shape(sql).get(0);
            assertTrue(q.contains(") \"anon_1\" LEFT OUTER JOIN \"rel_books\" \"rel_books_1\" ON \"anon_1\".\"id\""), q);
            assertTrue(q.endsWith("ORDER BY \"anon_1\".\"name\" DESC, \"rel_books_1\".\"title\""), q);
        }
    }

    @Test
    void optionsMustStartAtASelectedClass() {
        try (Session s = sessions.open()) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> s.scalars(select(Author.class).options(selectinload(Book_.tags))).all());
            assertEquals("ATHANOR-4064: loader option selectinload(Book.tags) does not apply to any class selected by "
                    + "this query: its path starts at Book", e.getMessage());
            InvalidRequestException notAnOption = assertThrows(InvalidRequestException.class,
                    () -> s.scalars(select(Author.class).options("books")).all());
            assertEquals("ATHANOR-4066: java.lang.String is not a loader option: pass selectinload(...), joinedload(...), "
                    + "raiseload(...), lazyload(...), noload(...) or defaultload(...) from io.athanor.sql.Load",
                    notAnOption.getMessage());
        }
        assertEquals("selectinload(Author.books).joinedload(Book.tags)",
                selectinload(Author_.books).joinedload(Book_.tags).toString());
        assertEquals(List.of("Author.books", "Book.tags"), selectinload(Author_.books).raiseload(Book_.tags).path()
                .stream().map(p -> p.relationship().toString()).collect(Collectors.toList()));
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void anOptionChainsOnlyWhereItsLastStepLeads() {
        LoaderOption books = selectinload(Author_.books); // raw, or the compiler would refuse the wrong step
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> books.selectinload(Author_.books));
        assertEquals("ATHANOR-4060: can't chain Author.books after Author.books: it is a relationship of Author, but "
                + "Author.books leads to Book", e.getMessage());
    }
}
