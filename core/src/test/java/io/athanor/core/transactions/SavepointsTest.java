package io.athanor.core.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.IdentityKey;
import io.athanor.InstanceState;
import io.athanor.IntegrityException;
import io.athanor.PendingRollbackException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.SessionTransaction;
import io.athanor.core.model.Account;
import io.athanor.core.model.TestModel;
import io.athanor.core.model.User;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The behaviour table for savepoints ({@code beginNested()}): the SQL they emit, how commit and
 * rollback of the session act on them, and the memory a savepoint's rollback restores. Each case:
 * the states before, the action, then the instance states and the committed rows after.
 */
@AllDatabases
class SavepointsTest {
    static final Set<String> USER_COLUMNS = TransactionsTest.USER_COLUMNS;

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;
    Rows rows;

    @BeforeEach
    void setUp() {
        SqlCapture.silence();
        engine = TestModel.freshEngine(db);
        sessions = TestModel.sessions(engine);
        rows = new Rows(engine);
    }

    long[] seed(String... names) {
        long[] ids = new long[names.length];
        TestModel.keepLoaded(engine).transaction(s -> {
            for (int i = 0; i < names.length; i++) {
                User u = new User(names[i]);
                u.email = names[i] + "@example.org";
                s.add(u);
                s.flush();
                ids[i] = u.id;
            }
        });
        return ids;
    }

    static InstanceState st(Object o) {
        return Athanor.inspect(o);
    }

    static User user(String name, String email) {
        User u = new User(name);
        u.email = email;
        return u;
    }

    static List<String> starting(SqlCapture sql, String prefix) {
        List<String> out = new ArrayList<>();
        for (String s : sql.statements()) {
            if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
                out.add(s);
            }
        }
        return out;
    }

    static int indexOf(SqlCapture sql, String prefix) {
        List<String> all = sql.statements();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).regionMatches(true, 0, prefix, 0, prefix.length())) {
                return i;
            }
        }
        return -1;
    }

    // S1 before: a pending object in an autobegun transaction. action: beginNested(). after: the
    // session flushed first (INSERT), then emitted SAVEPOINT; the object is persistent; the session
    // is in a nested transaction whose parent is the root.
    @Test
    void beginNestedFlushesFirstThenEmitsSavepoint() {
        User u = new User("early");
        try (Session s = sessions.open()) {
            s.add(u);
            s.flush();
            User late = new User("late");
            s.add(late);
            SessionTransaction root = s.currentTransaction();
            SessionTransaction sp;
            try (SqlCapture sql = SqlCapture.start()) {
                sp = s.beginNested();
                int insert = indexOf(sql, "INSERT");
                int savepoint = indexOf(sql, "SAVEPOINT");
                assertTrue(insert >= 0 && savepoint > insert, sql.lines().toString());
                assertEquals(2, sql.count(), sql.lines().toString());
            }
            assertTrue(st(late).isPersistent());
            assertTrue(s.inNestedTransaction());
            assertTrue(sp.isNested());
            assertTrue(sp.isActive());
            assertSame(root, sp.parent());
            assertSame(sp, s.currentTransaction());
            s.commit();
            assertFalse(s.inTransaction());
        }
        assertEquals(List.of("early", "late"), rows.names());
    }

    // S2 before: a fresh session, no connection yet. action: beginNested(), then a query. after: no
    // SQL at beginNested (no connection to set it on); the connection opened by the query gets the
    // SAVEPOINT before the SELECT.
    @Test
    void aSavepointIsSetOnAConnectionOpenedLater() {
        long id = seed("x")[0];
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            SessionTransaction sp = s.beginNested();
            assertEquals(0, sql.count());
            assertTrue(s.inNestedTransaction());
            s.get(User.class, id).name = "y";
            assertEquals(0, indexOf(sql, "SAVEPOINT"), sql.lines().toString());
            assertEquals(1, indexOf(sql, "SELECT"), sql.lines().toString());
            sp.rollback();
            s.commit();
        }
        assertEquals(Map.of(id, "x"), rows.users());
    }

    // S3 before: a root transaction. action: three nested savepoints, each adding a user; then
    // commit the innermost, roll back the middle one. after: three SAVEPOINTs with distinct names;
    // the innermost's commit emits RELEASE SAVEPOINT of its name; rolling back the middle one emits
    // ROLLBACK TO SAVEPOINT of its name and expunges what the middle and the (released) innermost
    // added; the outermost's object stays.
    @Test
    void savepointsNestToDepthThree() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            s.begin();
            SessionTransaction sp1 = s.beginNested();
            User one = new User("one");
            s.add(one);
            SessionTransaction sp2 = s.beginNested();
            User two = new User("two");
            s.add(two);
            SessionTransaction sp3 = s.beginNested();
            User three = new User("three");
            s.add(three);
            s.flush();
            List<String> savepoints = starting(sql, "SAVEPOINT");
            assertEquals(3, savepoints.size(), sql.lines().toString());
            assertEquals(3, new HashSet<>(savepoints).size(), savepoints.toString());
            assertSame(sp2, sp3.parent());
            assertSame(sp1, sp2.parent());

            sql.clear();
            sp3.commit();
            assertEquals(List.of("RELEASE " + savepoints.get(2)), sql.statements());
            assertSame(sp2, s.currentTransaction());
            assertTrue(s.inNestedTransaction());

            sql.clear();
            sp2.rollback();
            assertEquals(List.of("ROLLBACK TO " + savepoints.get(1)), sql.statements());
            assertSame(sp1, s.currentTransaction());
            assertTrue(st(two).isTransient());
            assertTrue(st(three).isTransient());
            assertTrue(st(one).isPersistent());
            sp1.commit();
            assertFalse(s.inNestedTransaction());
            s.commit();
        }
        assertEquals(List.of("one"), rows.names());
    }

    // S4 before: two committed rows loaded. action: in a savepoint add one, change one, delete one;
    // commit the savepoint. after: RELEASE SAVEPOINT; nothing expired (reads emit no SQL); the new
    // object persistent, the deleted one deleted; the session commit writes all three changes.
    @Test
    void committingASavepointReleasesItAndKeepsMemory() {
        long[] ids = seed("keep", "drop");
        try (Session s = sessions.open()) {
            User keep = s.get(User.class, ids[0]);
            User drop = s.get(User.class, ids[1]);
            SessionTransaction sp = s.beginNested();
            User added = new User("added");
            s.add(added);
            keep.name = "kept";
            s.delete(drop);
            try (SqlCapture sql = SqlCapture.start()) {
                sp.commit();
                assertEquals(1, sql.count("RELEASE SAVEPOINT"), sql.lines().toString());
                assertEquals(1, sql.count("INSERT"), sql.lines().toString());
                sql.clear();
                assertEquals("kept", keep.name);
                assertEquals("added", added.name);
                assertEquals(0, sql.count(), "a savepoint's commit expires nothing: " + sql.lines());
            }
            assertFalse(sp.isActive());
            assertFalse(s.inNestedTransaction());
            assertTrue(st(added).isPersistent());
            assertTrue(st(drop).isDeleted());
            assertEquals(Set.of(), st(keep).expiredAttributes());
            s.commit();
            assertTrue(st(drop).isDetached());
        }
        assertEquals(List.of("added", "kept"), rows.names());
    }

    // S5 before: four committed rows loaded (a, b, c, d), and a pending e flushed by beginNested.
    // action: inside the savepoint change a (flushed) and b (not flushed), delete c (flushed), leave
    // d alone, add f (flushed) and g (pending); roll the savepoint back. after: ROLLBACK TO
    // SAVEPOINT; f and g transient, f's key gone; c persistent again with its values loaded; a and b
    // expired and reading the database values; d and e keep their loaded state (no SQL).
    @Test
    void rollingBackASavepointRestoresMemory() {
        long[] ids = seed("a", "b", "c", "d");
        try (Session s = sessions.open()) {
            User a = s.get(User.class, ids[0]);
            User b = s.get(User.class, ids[1]);
            User c = s.get(User.class, ids[2]);
            User d = s.get(User.class, ids[3]);
            User e = new User("e");
            s.add(e);
            SessionTransaction sp = s.beginNested();
            assertTrue(st(e).isPersistent());
            a.name = "A";
            s.delete(c);
            User f = new User("f");
            s.add(f);
            s.flush();
            b.name = "B";
            User g = new User("g");
            s.add(g);
            IdentityKey fKey = new IdentityKey(User.class, f.id);
            try (SqlCapture sql = SqlCapture.start()) {
                sp.rollback();
                assertEquals(1, sql.count(), sql.lines().toString());
                assertEquals(1, sql.count("ROLLBACK TO SAVEPOINT"), sql.lines().toString());
            }
            assertTrue(st(f).isTransient());
            assertTrue(st(g).isTransient());
            assertFalse(s.identityMap().containsKey(fKey));
            assertTrue(st(c).isPersistent());
            assertSame(c, s.identityMap().get(new IdentityKey(User.class, ids[2])));
            assertEquals(USER_COLUMNS, st(a).expiredAttributes());
            assertEquals(USER_COLUMNS, st(b).expiredAttributes());
            assertEquals(Set.of(), st(c).expiredAttributes());
            assertEquals(Set.of(), st(d).expiredAttributes());
            assertEquals(Set.of(), st(e).expiredAttributes());
            assertTrue(s.getNew().isEmpty() && s.getDirty().isEmpty() && s.getDeleted().isEmpty());
            try (SqlCapture sql = SqlCapture.start()) {
                assertEquals("c", c.name);
                assertEquals("d", d.name);
                assertEquals("e", e.name);
                assertEquals(0, sql.count(), sql.lines().toString());
                assertEquals("a", a.name);
                assertEquals("b", b.name);
                assertEquals(2, sql.count("SELECT"), sql.lines().toString());
            }
            s.commit();
        }
        assertEquals(List.of("a", "b", "c", "d", "e"), rows.names());
    }

    // S6 before: a loaded object changed in the outer transaction. action: beginNested() (flushes
    // the change), leave it untouched, roll the savepoint back. after: not expired, the outer
    // value kept; committed.
    @Test
    void anObjectChangedBeforeTheSavepointKeepsItsState() {
        long id = seed("old")[0];
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            u.name = "outer";
            SessionTransaction sp = s.beginNested();
            sp.rollback();
            assertEquals(Set.of(), st(u).expiredAttributes());
            assertFalse(st(u).isModified());
            assertEquals("outer", u.name);
            s.commit();
        }
        assertEquals(Map.of(id, "outer"), rows.users());
    }

    // S7 before: a loaded object changed in the outer transaction. action: beginNested(), change it
    // again inside and flush, roll the savepoint back. after: expired; the next read returns the
    // value the outer transaction flushed.
    @Test
    void anObjectChangedInsideReadsTheValueBeforeTheSavepoint() {
        long id = seed("old")[0];
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            u.name = "outer";
            SessionTransaction sp = s.beginNested();
            u.name = "inner";
            s.flush();
            sp.rollback();
            assertEquals(USER_COLUMNS, st(u).expiredAttributes());
            assertEquals("outer", u.name);
            s.commit();
        }
        assertEquals(Map.of(id, "outer"), rows.users());
    }

    // S8 before: a loaded object. action: delete it inside a savepoint without flushing, roll the
    // savepoint back. after: persistent, no longer marked deleted, not expired; the row stays.
    @Test
    void anUnflushedDeleteInsideIsReverted() {
        long id = seed("stay")[0];
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            SessionTransaction sp = s.beginNested();
            s.delete(u);
            assertEquals(Set.of(u), s.getDeleted());
            sp.rollback();
            assertTrue(st(u).isPersistent());
            assertTrue(s.getDeleted().isEmpty());
            assertEquals(Set.of(), st(u).expiredAttributes());
            s.commit();
        }
        assertEquals(Map.of(id, "stay"), rows.users());
    }

    // S9 before: a root and two savepoints open, each with a new object. action: session.commit().
    // after: both savepoints released (innermost first), the root committed, no transaction left,
    // every object persistent and expired; all rows committed.
    @Test
    void sessionCommitCommitsTheOutermostTransactionThroughOpenSavepoints() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            User r = new User("root");
            s.add(r);
            s.beginNested();
            User one = new User("sp1");
            s.add(one);
            s.beginNested();
            User two = new User("sp2");
            s.add(two);
            List<String> savepoints = starting(sql, "SAVEPOINT");
            sql.clear();
            s.commit();
            assertEquals(List.of("RELEASE " + savepoints.get(1), "RELEASE " + savepoints.get(0)),
                    starting(sql, "RELEASE"));
            assertFalse(s.inTransaction());
            for (User u : List.of(r, one, two)) {
                assertTrue(st(u).isPersistent());
                assertEquals(USER_COLUMNS, st(u).expiredAttributes());
            }
        }
        assertEquals(List.of("root", "sp1", "sp2"), rows.names());
    }

    // S10 before: a committed row changed in the root; two savepoints open with new objects.
    // action: session.rollback(). after: every level rolled back: the new objects transient, the
    // changed one expired with its committed value; no transaction; no row changed.
    @Test
    void sessionRollbackRollsBackTheOutermostTransactionThroughOpenSavepoints() {
        long id = seed("orig")[0];
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            User u = s.get(User.class, id);
            u.name = "root-change";
            s.beginNested();
            User one = new User("sp1");
            s.add(one);
            s.beginNested();
            User two = new User("sp2");
            s.add(two);
            s.flush();
            sql.clear();
            s.rollback();
            assertEquals(2, sql.count("ROLLBACK TO SAVEPOINT"), sql.lines().toString());
            assertFalse(s.inTransaction());
            assertTrue(st(one).isTransient());
            assertTrue(st(two).isTransient());
            assertEquals(USER_COLUMNS, st(u).expiredAttributes());
            assertEquals("orig", u.name);
        }
        assertEquals(Map.of(id, "orig"), rows.users());
    }

    // S11 before: an explicit root transaction and a savepoint inside it with a new object. action:
    // commit the root transaction object (not the session). after: the open savepoint is committed
    // first (RELEASE SAVEPOINT), then the root; as SQLAlchemy's commit of an outer transaction.
    @Test
    void committingTheRootTransactionCommitsOpenSavepointsFirst() {
        try (Session s = sessions.open()) {
            SessionTransaction root = s.begin();
            SessionTransaction sp = s.beginNested();
            User u = new User("inner");
            s.add(u);
            try (SqlCapture sql = SqlCapture.start()) {
                root.commit();
                assertEquals(1, sql.count("RELEASE SAVEPOINT"), sql.lines().toString());
            }
            assertFalse(sp.isActive());
            assertFalse(root.isActive());
            assertFalse(s.inTransaction());
            assertTrue(st(u).isPersistent());
        }
        assertEquals(List.of("inner"), rows.names());
    }

    // S12 before: an outer savepoint with a changed object; an inner savepoint that adds x, changes
    // the object again and deletes a row, then is committed (released). action: roll back the outer
    // savepoint. after: the inner's effects are undone too: x transient, the changed object expired
    // with the value from before the outer savepoint, the deleted one persistent.
    @Test
    void rollingBackAnOuterSavepointUndoesReleasedInnerOnes() {
        long[] ids = seed("a", "b");
        try (Session s = sessions.open()) {
            User a = s.get(User.class, ids[0]);
            User b = s.get(User.class, ids[1]);
            SessionTransaction outer = s.beginNested();
            a.name = "A1";
            SessionTransaction inner = s.beginNested();
            User x = new User("x");
            s.add(x);
            a.name = "A2";
            s.delete(b);
            inner.commit();
            assertTrue(st(x).isPersistent());
            assertTrue(st(b).isDeleted());
            outer.rollback();
            assertTrue(st(x).isTransient());
            assertTrue(st(b).isPersistent());
            assertEquals(USER_COLUMNS, st(a).expiredAttributes());
            assertEquals("a", a.name);
            assertEquals("b", b.name);
            s.commit();
        }
        assertEquals(List.of("a", "b"), rows.names());
    }

    // S13 before: an outer savepoint with an inner one still open; the inner added y and changed a
    // (flushed). action: roll back the outer savepoint. after: one ROLLBACK TO SAVEPOINT (the
    // outer's), the inner is closed as well, and memory matches the database: y transient, a expired.
    @Test
    void rollingBackAnOuterSavepointWithAnInnerOneOpen() {
        long id = seed("a")[0];
        try (Session s = sessions.open()) {
            User a = s.get(User.class, id);
            SessionTransaction outer = s.beginNested();
            SessionTransaction inner = s.beginNested();
            User y = new User("y");
            s.add(y);
            a.name = "A";
            s.flush();
            try (SqlCapture sql = SqlCapture.start()) {
                outer.rollback();
                assertEquals(1, sql.count(), sql.lines().toString());
                assertEquals(1, sql.count("ROLLBACK TO SAVEPOINT"), sql.lines().toString());
            }
            assertFalse(inner.isActive());
            assertFalse(outer.isActive());
            assertFalse(s.inNestedTransaction());
            assertTrue(s.inTransaction());
            assertTrue(st(y).isTransient());
            assertNull(s.identityMap().get(new IdentityKey(User.class, y.id)));
            assertEquals(USER_COLUMNS, st(a).expiredAttributes());
            assertEquals("a", a.name);
            s.commit();
        }
        assertEquals(List.of("a"), rows.names());
    }

    // S14 before: an outer transaction with one new row. action: a savepoint block that adds and
    // flushes an object and then throws. after: the block's close() rolled the savepoint back: the
    // object transient; the outer transaction active and committing its own row.
    @Test
    void aSavepointBlockLeftByAnExceptionRollsBack() {
        try (Session s = sessions.open()) {
            User outer = new User("outer");
            s.add(outer);
            User inside = new User("inside");
            assertThrows(IllegalStateException.class, () -> {
                try (SessionTransaction sp = s.beginNested()) {
                    s.add(inside);
                    s.flush();
                    throw new IllegalStateException("leave the block");
                }
            });
            assertTrue(st(inside).isTransient());
            assertTrue(st(outer).isPersistent());
            assertTrue(s.isActive());
            assertFalse(s.inNestedTransaction());
            s.commit();
        }
        assertEquals(List.of("outer"), rows.names());
    }

    // S15 before: a committed user with an email; in the outer transaction a new user and a change
    // to the committed one (both flushed by beginNested). action: a savepoint block that flushes a
    // duplicate email, left by the IntegrityException. after: only the savepoint was rolled back:
    // the duplicate is transient, the outer's objects keep their state; the outer transaction goes
    // on and commits.
    @Test
    void aFailedFlushInsideASavepointRollsBackOnlyThatSavepoint() {
        long id = seed("owner")[0];
        try (Session s = sessions.open()) {
            User owner = s.get(User.class, id);
            owner.fullname = "The Owner";
            User before = new User("before");
            s.add(before);
            User dup = user("dup", "owner@example.org");
            assertThrows(IntegrityException.class, () -> {
                try (SessionTransaction sp = s.beginNested()) {
                    s.add(dup);
                    sp.commit();
                }
            });
            assertTrue(s.isActive());
            assertTrue(s.inTransaction());
            assertFalse(s.inNestedTransaction());
            assertTrue(st(dup).isTransient());
            assertTrue(st(before).isPersistent());
            assertEquals(Set.of(), st(owner).expiredAttributes());
            assertEquals("The Owner", owner.fullname);
            s.add(new User("after"));
            s.commit();
        }
        assertEquals(List.of("after", "before", "owner"), rows.names());
        assertEquals("The Owner", rows.scalar("SELECT fullname FROM users WHERE id = ?", id));
    }

    // S16 before: a savepoint in which a committed object was changed, then a flush failed on a
    // duplicate. action: use the session, then roll the savepoint back explicitly. after: until
    // then the savepoint and the session are inactive and every operation needing the database
    // raises PendingRollbackException; the failed flush already emitted ROLLBACK TO SAVEPOINT, so
    // the explicit rollback emits none; the changed object is expired and reads the database value.
    @Test
    void aFailedFlushDeactivatesTheSavepointUntilItIsRolledBack() {
        long[] ids = seed("owner", "other");
        try (Session s = sessions.open()) {
            User other = s.get(User.class, ids[1]);
            SessionTransaction sp = s.beginNested();
            other.name = "renamed";
            s.add(user("dup", "owner@example.org"));
            try (SqlCapture sql = SqlCapture.start()) {
                assertThrows(IntegrityException.class, s::flush);
                assertEquals(1, sql.count("ROLLBACK TO SAVEPOINT"), sql.lines().toString());
            }
            assertFalse(sp.isActive());
            assertFalse(s.isActive());
            assertTrue(s.inNestedTransaction());
            assertThrows(PendingRollbackException.class, () -> s.get(User.class, ids[0]));
            assertThrows(PendingRollbackException.class, s::commit);
            assertThrows(PendingRollbackException.class, sp::commit);
            try (SqlCapture sql = SqlCapture.start()) {
                sp.rollback();
                assertEquals(0, sql.count(), sql.lines().toString());
            }
            assertTrue(s.isActive());
            assertEquals(USER_COLUMNS, st(other).expiredAttributes());
            assertEquals("other", other.name);
            s.commit();
        }
        assertEquals(List.of("other", "owner"), rows.names());
    }

    // S17 before: a committed user. action: "try an insert, on IntegrityException keep going": five
    // inserts, two of them duplicate emails, each in its own savepoint. after: two skipped, the
    // transaction never stopped working, three new rows committed.
    @Test
    void tryAnInsertAndKeepGoingOnIntegrityErrors() {
        seed("owner");
        List<String> emails = List.of("a@x", "b@x", "a@x", "owner@example.org", "c@x");
        int skipped = 0;
        try (Session s = sessions.open()) {
            int n = 0;
            for (String email : emails) {
                User u = user("u" + n++, email);
                try (SessionTransaction sp = s.beginNested()) {
                    s.add(u);
                    sp.commit();
                } catch (IntegrityException e) {
                    skipped++;
                    assertTrue(st(u).isTransient());
                }
                assertTrue(s.isActive());
            }
            s.commit();
        }
        assertEquals(2, skipped);
        assertEquals(List.of("owner", "u0", "u1", "u4"), rows.names());
    }

    // S18 before: a versioned Account (version 1). action: change it inside a savepoint (flushed:
    // version 2 there), roll back, change it again in the outer transaction and commit. after: the
    // rollback expired the version counter, so it reads 1 again and the outer UPDATE matches:
    // version 2 committed, no StaleDataException.
    @Test
    void aVersionCounterChangedInsideARolledBackSavepointIsRestored() {
        Account acct = new Account("ann", new BigDecimal("10.00"));
        TestModel.keepLoaded(engine).transaction(s -> s.add(acct));
        try (Session s = sessions.open()) {
            Account a = s.get(Account.class, acct.id);
            assertEquals(1, a.version);
            SessionTransaction sp = s.beginNested();
            a.balance = new BigDecimal("20.00");
            s.flush();
            assertEquals(2, a.version);
            sp.rollback();
            assertTrue(st(a).expiredAttributes().contains("version"));
            assertEquals(1, a.version);
            assertEquals(0, new BigDecimal("10.00").compareTo(a.balance));
            a.balance = new BigDecimal("30.00");
            s.commit();
        }
        assertEquals(2, ((Number) rows.scalar("SELECT version FROM account")).intValue());
        assertEquals(0, new BigDecimal("30.00").compareTo((BigDecimal) rows.scalar("SELECT balance FROM account")));
    }

    // S19 before: a loaded user. action: inside a savepoint change its primary key and flush (the
    // identity key switches), then roll the savepoint back. after: the old identity key is back in
    // the identity map with the same instance, the new one gone; the instance is expired and reads
    // its old key from the database.
    @Test
    void aPrimaryKeyChangedInsideARolledBackSavepointGetsItsOldIdentityBack() {
        long id = seed("key")[0];
        long other = id + 1000;
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            SessionTransaction sp = s.beginNested();
            u.id = other;
            s.flush();
            assertEquals(other, st(u).identity());
            assertSame(u, s.identityMap().get(new IdentityKey(User.class, other)));
            sp.rollback();
            assertEquals(id, st(u).identity());
            assertSame(u, s.identityMap().get(new IdentityKey(User.class, id)));
            assertFalse(s.identityMap().containsKey(new IdentityKey(User.class, other)));
            assertEquals(USER_COLUMNS, st(u).expiredAttributes());
            assertEquals(id, u.id);
            assertSame(u, s.get(User.class, id));
            s.commit();
        }
        assertEquals(Map.of(id, "key"), rows.users());
    }
}
