package io.athanor.core.relations;

import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.DetachedInstanceException;
import io.athanor.Engine;
import io.athanor.History;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Relationships in memory (back-population), at flush (keys, order, association rows) and when loading. */
@AllDatabases
class RelationshipsTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;
    SessionMaker keep;

    @BeforeEach
    void setUp() {
        engine = RelationModel.freshEngine(db);
        sessions = RelationModel.sessions(engine);
        keep = RelationModel.keepLoaded(engine);
    }

    @Test
    void backPopulatesOnNewObjectsBeforeAnySession() {
        Author ann = new Author("ann");
        Book b1 = new Book("b1");
        ann.books.add(b1);
        assertSame(ann, b1.author, "appending sets the many-to-one at once");
        Book b2 = new Book("b2");
        b2.author = ann;
        assertEquals(List.of(b1, b2), ann.books, "setting the many-to-one appends");
        Author bob = new Author("bob");
        b2.author = bob;
        assertEquals(List.of(b1), ann.books, "moving a child removes it from the first parent");
        assertEquals(List.of(b2), bob.books);
        ann.books.remove(b1);
        assertNull(b1.author);
        Tag t = new Tag("t");
        b1.tags.add(t);
        assertEquals(List.of(b1), t.books, "many-to-many mirrors too");
        Profile p = new Profile("bio");
        ann.profile = p;
        assertSame(ann, p.author, "one-to-one");
        assertEquals(new History(List.of(b1), List.of(), List.of()), Athanor.inspect(t).attr("books").history());
    }

    @Test
    void flushFillsForeignKeysParentsFirstInOneStatementPerTable() {
        Author ann = new Author("ann");
        for (String title : List.of("c", "a", "b")) {
            ann.books.add(new Book(title));
        }
        ann.profile = new Profile("writes");
        try (Session s = keep.open(); SqlCapture sql = SqlCapture.start()) {
            s.add(ann);
            assertEquals(5, s.getNew().size(), "save-update cascades to books and profile");
            s.commit();
            assertEquals(3, sql.count("INSERT"), "authors, books, profiles: " + sql.lines());
        }
        assertEquals(List.of(List.of("a", String.valueOf(ann.id)), List.of("b", String.valueOf(ann.id)),
                List.of("c", String.valueOf(ann.id))), RelationModel.rows(engine,
                "SELECT title, author_id FROM rel_books ORDER BY title"));
        assertEquals(ann.id, ann.profile.authorId);
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Author loaded = s.get(Author.class, ann.id);
            assertTrue(Athanor.inspect(loaded).unloadedAttributes().containsAll(Set.of("books", "profile")));
            sql.clear();
            assertEquals(List.of("a", "b", "c"), loaded.books.stream().map(b -> b.title).toList(), "orderBy");
            assertEquals(1, sql.count(), "one SELECT for the collection: " + sql.lines());
            Book first = loaded.books.get(0);
            assertSame(loaded, first.author, "many-to-one from the identity map");
            assertEquals(1, sql.count(), "no SQL for it: " + sql.lines());
            assertEquals("writes", loaded.profile.bio);
        }
    }

    @Test
    void lazyLoadingCostsOneStatementPerParent() {
        sessions.transaction(s -> {
            for (int i = 0; i < 100; i++) {
                Author a = new Author("a" + i);
                a.books.add(new Book("t" + i));
                s.add(a);
            }
        });
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Author> all = s.scalars(select(Author.class)).all();
            int books = 0;
            for (Author a : all) {
                books += a.books.size();
            }
            assertEquals(100, books);
            assertEquals(101, sql.count(), "lazy = SELECT: 1 + N");
        }
    }

    @Test
    void deleteOrphanAndCascadeDelete() {
        Author ann = new Author("ann");
        Book keepIt = new Book("keep");
        Book drop = new Book("drop");
        ann.books.addAll(List.of(keepIt, drop));
        keep.transaction(s -> s.add(ann));
        try (Session s = sessions.open()) {
            Author a = s.get(Author.class, ann.id);
            Book d = a.books.stream().filter(b -> b.title.equals("drop")).findFirst().orElseThrow();
            a.books.remove(d);
            s.flush();
            assertTrue(Athanor.inspect(d).isDeleted(), "removed from a delete-orphan collection");
            s.commit();
        }
        assertEquals(List.of(List.of("keep")), RelationModel.rows(engine, "SELECT title FROM rel_books"));
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            s.delete(s.get(Author.class, ann.id));
            s.commit();
            List<String> deletes = sql.statements().stream().filter(x -> x.startsWith("DELETE")
                    && !x.contains("rel_book_tags")).toList();
            assertTrue(deletes.size() >= 2 && deletes.get(0).contains("rel_books")
                    && deletes.get(deletes.size() - 1).contains("rel_authors"),
                    "children first: " + sql.lines());
        }
        assertEquals(0, RelationModel.count(engine, "rel_books"));
        assertEquals(0, RelationModel.count(engine, "rel_authors"));
    }

    @Test
    void manyToManyRowsFollowTheCollections() {
        Book b = new Book("b");
        Tag x = new Tag("x");
        Tag y = new Tag("y");
        b.tags.add(x);
        b.tags.add(y);
        keep.transaction(s -> s.add(b));
        assertEquals(2, RelationModel.count(engine, "rel_book_tags"));
        try (Session s = sessions.open()) {
            Book loaded = s.get(Book.class, b.id);
            assertEquals(Set.of("x", "y"), Set.copyOf(loaded.tags.stream().map(t -> t.label).toList()));
            Tag lx = s.get(Tag.class, x.id);
            assertEquals(List.of(loaded), lx.books);
            loaded.tags.remove(lx);
            assertFalse(lx.books.contains(loaded), "the other side follows");
            s.commit();
        }
        assertEquals(1, RelationModel.count(engine, "rel_book_tags"));
        try (Session s = sessions.open()) {
            s.delete(s.get(Tag.class, y.id));
            s.commit();
        }
        assertEquals(0, RelationModel.count(engine, "rel_book_tags"));
        assertEquals(1, RelationModel.count(engine, "rel_books"), "deleting a tag keeps the book");
    }

    @Test
    void selfReferentialTreeOfTenThousandNodesInOneFlush() {
        Node root = new Node("root");
        List<Node> level = List.of(root);
        int total = 1;
        while (total < 10_000) {
            java.util.ArrayList<Node> next = new java.util.ArrayList<>();
            for (Node parent : level) {
                for (int i = 0; i < 10 && total < 10_000; i++) {
                    next.add(new Node(parent.name + "." + i, parent));
                    total++;
                }
            }
            level = next;
        }
        try (Session s = keep.open(); SqlCapture sql = SqlCapture.start()) {
            s.add(root);
            s.flush();
            assertTrue(sql.count("INSERT") <= 15, "one wave per level, chunks of 1,000: " + sql.count("INSERT"));
            s.commit();
        }
        assertEquals(10_000, RelationModel.count(engine, "rel_nodes"));
        assertEquals(List.of(List.of("0")), RelationModel.rows(engine, "SELECT COUNT(*) FROM rel_nodes c "
                + "JOIN rel_nodes p ON c.parent_id = p.id WHERE c.name NOT LIKE CONCAT(p.name, '.%')"));
        assertEquals(List.of(List.of("1")), RelationModel.rows(engine,
                "SELECT COUNT(*) FROM rel_nodes WHERE parent_id IS NULL"));
        try (Session s = sessions.open()) {
            s.delete(s.get(Node.class, root.id));
            s.commit();
        }
        assertEquals(0, RelationModel.count(engine, "rel_nodes"), "cascade delete, children first");
    }

    @Test
    void aCycleIsWrittenWithAPostUpdate() {
        Node a = new Node("a");
        Node b = new Node("b", a);
        a.parent = b;
        try (Session s = keep.open(); SqlCapture sql = SqlCapture.start()) {
            s.add(a);
            s.commit();
            assertEquals(1, sql.count("UPDATE"), "post-update: " + sql.lines());
        }
        assertEquals(String.valueOf(b.id), RelationModel.rows(engine,
                "SELECT parent_id FROM rel_nodes WHERE name = 'a'").get(0).get(0));
        assertEquals(String.valueOf(a.id), RelationModel.rows(engine,
                "SELECT parent_id FROM rel_nodes WHERE name = 'b'").get(0).get(0));
    }

    @Test
    void foreignKeysDisambiguateRelationshipsBetweenTheSameClasses() {
        Department now = new Department("now");
        Department before = new Department("before");
        Employee e = new Employee("eve");
        e.department = now;
        e.former = before;
        keep.transaction(s -> s.add(e));
        assertEquals(List.of(List.of(String.valueOf(now.id), String.valueOf(before.id))), RelationModel.rows(engine,
                "SELECT department_id, former_department_id FROM rel_employees"));
        try (Session s = sessions.open()) {
            Department d = s.get(Department.class, now.id);
            InvalidRequestException raised = assertThrows(InvalidRequestException.class, () -> d.staff.size());
            assertEquals("ATHANOR-2054: 'Department.staff' is not available due to lazy = RAISE: load it in the query "
                    + "with selectinload(...) or joinedload(...)", raised.getMessage());
            Department old = s.get(Department.class, before.id);
            assertTrue(old.alumni.isEmpty(), "NOLOAD never loads");
            Employee le = s.get(Employee.class, e.id);
            assertSame(d, le.department);
            assertSame(old, le.former);
        }
    }

    @Test
    void unloadedRelationshipOfADetachedInstanceRaises() {
        Author a = new Author("a");
        keep.transaction(s -> s.add(a));
        Author detached;
        try (Session s = sessions.open()) {
            detached = s.get(Author.class, a.id);
        }
        DetachedInstanceException e = assertThrows(DetachedInstanceException.class, () -> detached.books.size());
        assertTrue(e.getMessage().startsWith("ATHANOR-2051: <Author " + a.id + "> is not bound to a Session; "
                + "relationship 'books' is not loaded"), e.getMessage());
    }

    @Test
    void expireCascadesAlongRefreshExpire() {
        Author ann = new Author("ann");
        ann.books.add(new Book("first"));
        keep.transaction(s -> s.add(ann));
        try (Session s = sessions.open()) {
            Author a = s.get(Author.class, ann.id);
            Book b = a.books.get(0);
            b.title = "changed in memory";
            Book fresh = new Book("pending");
            a.books.add(fresh);
            try (var block = s.noAutoflush()) {
                s.expire(a);
            }
            assertTrue(Athanor.inspect(b).expiredAttributes().contains("title"), "cascade 'all' expires the children");
            assertTrue(Athanor.inspect(fresh).isTransient(), "a pending child is expunged");
            assertTrue(Athanor.inspect(a).unloadedAttributes().contains("books"));
            assertEquals("first", b.title);
            assertEquals(1, a.books.size());
        }
    }
}
