package io.athanor.core;

import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.text;
import static io.athanor.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Row;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.SessionTransaction;
import io.athanor.StreamedResult;
import io.athanor.core.model.TestModel;
import io.athanor.core.model.User;
import io.athanor.core.model.User_;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.JdbcProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Session.stream / streamScalars: rows read from an open cursor a partition at a time (the JDBC
 * fetch size is yieldPer), the cursor's life inside its transaction, and the session around it.
 */
@AllDatabases
class StreamTest {
    static final int USERS = 25;

    @Parameter
    DatabaseHandle db;

    JdbcProbe probe;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        TestModel.sessions(TestModel.freshEngine(db)).transaction(s -> {
            for (int i = 0; i < USERS; i++) {
                User u = new User(String.format("u%02d", i));
                u.logins = i;
                s.add(u);
            }
        });
        probe = new JdbcProbe();
        Engine probed = Engine.of(probe.wrap(db.dataSource()));
        sessions = TestModel.sessions(probed);
    }

    private static StreamedResult<User> byName(Session s, int yieldPer) {
        return s.streamScalars(select(User.class).orderBy(User_.name), yieldPer);
    }

    @Test
    void rowsAreReadOnePartitionAtATimeWithTheFetchSizeSet() {
        try (Session s = sessions.open(); StreamedResult<User> users = byName(s, 10)) {
            long before = probe.rowsRead();
            assertEquals("u00", users.next().name);
            assertEquals(10, probe.rowsRead() - before, "one partition read, not the whole result");
            assertEquals(10, probe.lastFetchSize());
            assertFalse(probe.lastAutoCommit(), "a cursor needs a transaction (PostgreSQL reads a portal only then)");
            for (int i = 1; i < 10; i++) {
                users.next();
            }
            assertEquals(10, probe.rowsRead() - before, "the partition is used up before the next is read");
            assertEquals("u10", users.next().name);
            assertEquals(20, probe.rowsRead() - before);
            assertEquals(1, probe.openResultSets());
            assertFalse(users.isClosed());
            List<String> rest = new ArrayList<>();
            users.forEachRemaining(u -> rest.add(u.name));
            assertEquals(14, rest.size());
            assertEquals("u24", rest.get(13));
            assertTrue(users.isClosed(), "read to the end: closed");
            assertEquals(0, probe.openResultSets());
            assertThrows(NoSuchElementException.class, users::next);
            assertTrue(s.inTransaction(), "the transaction stays, as after any query");
        }
    }

    @Test
    void partitionsAndTheIdentityMap() {
        try (Session s = sessions.open()) {
            User first = s.scalars(select(User.class).where(User_.name.eq("u00"))).one();
            first.fullname = "changed, unflushed";
            try (StreamedResult<User> users = s.streamScalars(select(User.class).orderBy(User_.name), 10)) {
                List<User> p1 = users.nextPartition();
                assertEquals(10, p1.size());
                assertSame(first, p1.get(0), "one instance per identity");
                assertEquals("changed, unflushed", p1.get(0).fullname, "autoflushed first, and kept");
                assertSame(p1.get(3), s.get(User.class, p1.get(3).id), "in the identity map at once");
                assertEquals(10, users.nextPartition().size());
                User u20 = users.next();
                assertEquals("u20", u20.name);
                assertEquals(List.of("u21", "u22", "u23", "u24"),
                        users.nextPartition().stream().map(u -> u.name).toList(), "the rest of the partition");
                assertEquals(List.of(), users.nextPartition());
                assertTrue(users.isClosed());
            }
        }
    }

    @Test
    void closeMidwayClosesTheCursorAndTheSessionStaysUsable() {
        try (Session s = sessions.open()) {
            StreamedResult<User> users = byName(s, 5);
            users.next();
            assertEquals(1, probe.openResultSets());
            users.close();
            users.close();
            assertEquals(0, probe.openResultSets());
            assertFalse(users.hasNext(), "a closed cursor has no more rows");
            assertEquals(List.of(), users.nextPartition());
            User u = s.get(User.class, firstId(s));
            u.logins = 100;
            s.commit();
            assertEquals(100, s.get(User.class, u.id).logins);
        }
    }

    private static Long firstId(Session s) {
        return s.scalars(select(User.class).orderBy(User_.name).limit(1)).one().id;
    }

    @Test
    void otherStatementsOfTheSessionRunWhileTheCursorIsOpen() {
        try (Session s = sessions.open(); StreamedResult<User> users = byName(s, 5)) {
            User u0 = users.next();
            u0.logins = 500;
            s.flush();
            assertEquals(USERS, s.scalars(select(User.class)).all().size());
            s.execute(update(User.class).set(User_.fullname, "bulk").where(User_.name.eq("u24")));
            List<String> names = new ArrayList<>();
            users.forEachRemaining(u -> names.add(u.name));
            assertEquals(USERS - 1, names.size(), "the stream went on after the other statements");
            s.commit();
        }
        try (Session s = sessions.open()) {
            assertEquals(500, s.scalars(select(User.class).where(User_.name.eq("u00"))).one().logins);
        }
    }

    @Test
    void commitRollbackAndCloseOfTheSessionCloseTheCursor() {
        for (String end : List.of("commit()", "rollback()", "close()")) {
            try (Session s = sessions.open()) {
                StreamedResult<User> users = byName(s, 5);
                users.next();
                switch (end) {
                    case "commit()" -> s.commit();
                    case "rollback()" -> s.rollback();
                    default -> s.close();
                }
                assertTrue(users.isClosed(), end);
                assertEquals(0, probe.openResultSets(), end);
                InvalidRequestException e = assertThrows(InvalidRequestException.class, users::hasNext);
                assertEquals("ATHANOR-4052: this streamed result was closed by " + end + ": a cursor lives in the "
                        + "transaction that opened it. Read it to the end (or close it) before ending the transaction,"
                        + " or run the query again", e.getMessage());
                assertEquals(USERS, s.scalars(select(User.class)).all().size(), "the session is usable: " + end);
            }
        }
    }

    @Test
    void aSavepointsRollbackClosesTheCursorsOpenedInsideItAndItsReleaseKeepsThem() {
        try (Session s = sessions.open()) {
            StreamedResult<User> outer = byName(s, 5);
            SessionTransaction sp = s.beginNested();
            StreamedResult<User> inner = byName(s, 5);
            inner.next();
            sp.rollback();
            assertTrue(inner.isClosed());
            InvalidRequestException e = assertThrows(InvalidRequestException.class, inner::next);
            assertTrue(e.getMessage().startsWith("ATHANOR-4052: this streamed result was closed by the rollback of the"
                    + " savepoint it was opened in"), e.getMessage());
            assertFalse(outer.isClosed(), "opened before the savepoint");
            assertEquals("u00", outer.next().name);

            SessionTransaction released = s.beginNested();
            StreamedResult<User> kept = byName(s, 5);
            kept.next();
            released.commit();
            assertFalse(kept.isClosed(), "RELEASE SAVEPOINT keeps the cursor");
            assertEquals("u01", kept.next().name);
            s.rollback();
            assertTrue(kept.isClosed() && outer.isClosed());
        }
    }

    @Test
    void textStatementsStreamRowsWithParameters() {
        try (Session s = sessions.open();
             StreamedResult<Row> rows = s.stream(text("SELECT name, logins FROM users WHERE logins >= :min ORDER BY name"),
                     Map.of("min", 20), 2)) {
            assertEquals(2, rows.yieldPer());
            List<Row> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            assertEquals(List.of("u20", "u21", "u22", "u23", "u24"), all.stream().map(r -> (String) r.get("name")).toList());
            assertEquals(24, ((Number) all.get(4).get(1)).intValue());
        }
        try (Session s = sessions.open();
             StreamedResult<Row> rows = s.stream(select(User_.name, User_.logins).where(User_.logins.lt(3))
                     .orderBy(User_.name), 100)) {
            Row r = rows.next();
            assertEquals("u00", r.get("name"));
            assertEquals(0, r.get("logins"));
            assertEquals(2, rows.nextPartition().size());
            assertTrue(rows.isClosed(), "a short partition means the end");
        }
    }

    @Test
    void badYieldPerAndStatementsThatAreNotQueriesAreRefused() {
        try (Session s = sessions.open()) {
            InvalidRequestException zero = assertThrows(InvalidRequestException.class, () -> byName(s, 0));
            assertEquals("ATHANOR-4050: yieldPer is 0: a streamed result reads at least one row per partition; pass 1"
                    + " or more (100 to 1,000 is typical)", zero.getMessage());
            InvalidRequestException upd = assertThrows(InvalidRequestException.class,
                    () -> s.stream(update(User.class).set(User_.logins, 1), 10));
            assertTrue(upd.getMessage().startsWith("ATHANOR-4051: can't stream "), upd.getMessage());
            assertEquals(0, probe.openResultSets());
            assertNotNull(s.get(User.class, firstId(s)));
        }
    }
}
