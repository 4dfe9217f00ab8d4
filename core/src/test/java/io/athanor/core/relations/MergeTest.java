package io.athanor.core.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.StaleDataException;
import io.athanor.core.model.Account;
import io.athanor.core.model.TestModel;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** merge() with SQLAlchemy's rules for transient, detached and persistent inputs, cascades and versions. */
@AllDatabases
class MergeTest {
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
    void transientWithoutKeyBecomesANewPendingCopy() {
        Author a = new Author("new");
        a.books.add(new Book("b"));
        try (Session s = sessions.open()) {
            Author merged = s.merge(a);
            assertNotSame(a, merged);
            assertTrue(Athanor.inspect(merged).isPending());
            assertTrue(Athanor.inspect(a).isTransient(), "the given instance is left alone");
            assertEquals(1, merged.books.size());
            assertNotSame(a.books.get(0), merged.books.get(0), "children merged along the merge cascade");
            s.commit();
        }
        assertEquals(1, RelationModel.count(engine, "rel_books"));
        assertEquals(List.of(List.of("new")), RelationModel.rows(engine, "SELECT name FROM rel_authors"));
    }

    @Test
    void detachedCopyIsLoadedAndUpdated() {
        Author a = new Author("before");
        keep.transaction(s -> s.add(a));
        a.name = "after";
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Author merged = s.merge(a);
            assertTrue(Athanor.inspect(merged).isPersistent());
            long authorSelects = sql.statements().stream().filter(x -> x.contains("FROM \"rel_authors\"")
                    || x.contains("FROM `rel_authors`")).count();
            assertEquals(1, authorSelects, "loaded by key (its collections too, to merge into): " + sql.lines());
            assertTrue(s.isModified(merged));
            int before = sql.count("SELECT");
            assertSame(merged, s.merge(a), "an identity-map hit needs no SELECT");
            assertEquals(before, sql.count("SELECT"));
            s.commit();
        }
        assertEquals(List.of(List.of("after")), RelationModel.rows(engine, "SELECT name FROM rel_authors"));
    }

    @Test
    void loadFalseTrustsTheCopyAndEmitsNoSql() {
        Author a = new Author("as is");
        keep.transaction(s -> s.add(a));
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Author merged = s.merge(a, false);
            assertEquals(0, sql.count());
            assertTrue(Athanor.inspect(merged).isPersistent());
            assertEquals("as is", merged.name);
            assertTrue(s.getDirty().isEmpty());
        }
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> sessions.open().merge(new Author("x"), false));
        assertTrue(e.getMessage().startsWith("ATHANOR-2030"), e.getMessage());
    }

    @Test
    void versionMismatchIsStale() {
        Engine core = TestModel.freshEngine(db);
        SessionMaker accounts = TestModel.keepLoaded(core);
        Account acc = new Account("o", BigDecimal.ONE);
        accounts.transaction(s -> s.add(acc));
        accounts.transaction(s -> s.get(Account.class, acc.id).owner = "someone else");
        try (Session s = accounts.open()) {
            StaleDataException e = assertThrows(StaleDataException.class, () -> s.merge(acc));
            assertTrue(e.getMessage().startsWith("ATHANOR-2032: version 1 of the merged"), e.getMessage());
        }
    }
}
