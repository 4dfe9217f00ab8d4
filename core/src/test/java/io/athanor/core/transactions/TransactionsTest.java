package io.athanor.core.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.DetachedInstanceException;
import io.athanor.Engine;
import io.athanor.IdentityKey;
import io.athanor.InstanceState;
import io.athanor.IntegrityException;
import io.athanor.InvalidRequestException;
import io.athanor.PendingRollbackException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.SessionTransaction;
import io.athanor.core.model.TestModel;
import io.athanor.core.model.User;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Schemas;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The behaviour table for root transactions: begin and autobegin, the transaction as a block,
 * several transactions in a row, {@code SessionMaker.transaction}, root rollback, a failed flush,
 * expire-on-commit. Each case: the states before, the action, then the instance states and the
 * committed rows (read on a connection of their own) after.
 */
@AllDatabases
class TransactionsTest {
    static final Set<String> USER_COLUMNS = Set.of("id", "name", "fullname", "email", "logins");

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

    /** Committed users with these names, their ids in the same order. */
    long[] seed(String... names) {
        long[] ids = new long[names.length];
        TestModel.keepLoaded(engine).transaction(s -> {
            User[] users = new User[names.length];
            for (int i = 0; i < names.length; i++) {
                users[i] = new User(names[i]);
                s.add(users[i]);
            }
            s.flush();
            for (int i = 0; i < names.length; i++) {
                ids[i] = users[i].id;
            }
        });
        return ids;
    }

    static InstanceState st(Object o) {
        return Athanor.inspect(o);
    }

    // T1 before: new session, nothing done. action: add + flush. after: a root transaction began by
    // itself, active and not nested; commit ends it; the row is committed.
    @Test
    void autobeginStartsARootTransactionOnFirstUse() {
        try (Session s = sessions.open()) {
            assertFalse(s.inTransaction());
            assertNull(s.currentTransaction());
            assertTrue(s.isActive(), "no transaction yet: nothing inactive");
            User u = new User("auto");
            s.add(u);
            assertTrue(s.inTransaction(), "add() begins, as SQLAlchemy's _before_attach autobegins");
            s.flush();
            assertTrue(s.inTransaction());
            assertFalse(s.inNestedTransaction());
            assertFalse(s.currentTransaction().isNested());
            assertNull(s.currentTransaction().parent());
            assertTrue(s.isActive());
            assertEquals(Map.of(), rows.users(), "flushed, not committed: others see nothing");
            s.commit();
            assertFalse(s.inTransaction());
            assertTrue(st(u).isPersistent());
            assertEquals(Map.of(u.id, "auto"), rows.users());
        }
    }

    // T2 before: new session. action: begin() explicitly, then begin() again, then tx.commit().
    // after: the second begin is refused; the transaction's commit commits and ends it.
    @Test
    void explicitBeginThenCommitThroughTheTransaction() {
        try (Session s = sessions.open()) {
            SessionTransaction tx = s.begin();
            assertTrue(s.inTransaction());
            assertSame(tx, s.currentTransaction());
            assertTrue(tx.isActive());
            assertFalse(tx.isNested());
            assertThrows(InvalidRequestException.class, s::begin);
            User u = new User("explicit");
            s.add(u);
            tx.commit();
            assertFalse(tx.isActive());
            assertFalse(s.inTransaction());
            assertTrue(st(u).isPersistent());
            assertEquals(Map.of(u.id, "explicit"), rows.users());
        }
    }

    // T3 before: an explicit transaction as a block. action: add + flush, leave the block without
    // commit. after: rolled back: the object is transient, no row, no transaction.
    @Test
    void closingAnUncommittedTransactionRollsItBack() {
        User u = new User("undone");
        try (Session s = sessions.open()) {
            try (SessionTransaction tx = s.begin()) {
                s.add(u);
                s.flush();
                assertTrue(st(u).isPersistent());
            }
            assertFalse(s.inTransaction());
            assertTrue(st(u).isTransient());
            assertTrue(s.identityMap().isEmpty());
        }
        assertEquals(Map.of(), rows.users());
    }

    // T4 before: an explicit transaction as a block. action: commit inside the block, then leave it.
    // after: closing a committed transaction does nothing; the row stays.
    @Test
    void closingACommittedTransactionDoesNothing() {
        User u = new User("kept");
        try (Session s = sessions.open()) {
            try (SessionTransaction tx = s.begin()) {
                s.add(u);
                tx.commit();
            }
            assertTrue(st(u).isPersistent());
            assertEquals("kept", u.name);
        }
        assertEquals(List.of("kept"), rows.names());
    }

    // T5 before: one session. action: commit, then rollback, then commit again, three transactions
    // in a row. after: only the committed ones' rows exist; the rolled-back object is transient.
    @Test
    void severalTransactionsInARow() {
        try (Session s = sessions.open()) {
            User a = new User("first");
            s.add(a);
            s.commit();
            assertFalse(s.inTransaction());
            User b = new User("second");
            s.add(b);
            s.flush();
            s.rollback();
            assertTrue(st(b).isTransient());
            assertTrue(st(a).isPersistent());
            User c = new User("third");
            s.add(c);
            a.fullname = "First";
            s.commit();
            assertTrue(st(c).isPersistent());
        }
        assertEquals(List.of("first", "third"), rows.names());
        assertEquals("First", rows.scalar("SELECT fullname FROM users WHERE name = ?", "first"));
    }

    // T6 before: nothing. action: sessions.transaction(work) that adds an object. after: committed,
    // the session closed: the object is detached and (expire on commit) unreadable.
    @Test
    void sessionMakerTransactionCommitsWhenTheWorkReturns() {
        User u = new User("work");
        sessions.transaction(s -> s.add(u));
        assertTrue(st(u).isDetached());
        assertEquals(USER_COLUMNS, st(u).expiredAttributes());
        assertThrows(DetachedInstanceException.class, () -> u.name.length());
        assertEquals(List.of("work"), rows.names());
    }

    // T7 before: a committed row. action: sessions.transaction(work) that adds, changes and flushes,
    // then throws. after: the exception propagates, everything is rolled back, the new object is
    // transient.
    @Test
    void sessionMakerTransactionRollsBackWhenTheWorkThrows() {
        long id = seed("stays")[0];
        User u = new User("never");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> sessions.transaction(s -> {
            s.add(u);
            s.get(User.class, id).name = "changed";
            s.flush();
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", thrown.getMessage());
        assertTrue(st(u).isTransient());
        assertEquals(Map.of(id, "stays"), rows.users());
    }

    // T8 before: two committed rows loaded; in the transaction: one new object flushed, one still
    // pending, one persistent modified and flushed, one deleted and flushed. action: rollback().
    // after: both new ones transient, the modified one expired (reads the database value), the
    // deleted one persistent again; no row changed.
    @Test
    void rootRollbackRestoresEveryState() {
        long[] ids = seed("changed", "deleted");
        try (Session s = sessions.open()) {
            User changed = s.get(User.class, ids[0]);
            User deleted = s.get(User.class, ids[1]);
            User flushedNew = new User("flushed-new");
            s.add(flushedNew);
            changed.name = "CHANGED";
            s.delete(deleted);
            s.flush();
            User pendingNew = new User("pending-new");
            s.add(pendingNew);
            assertTrue(st(deleted).isDeleted());
            assertTrue(st(pendingNew).isPending());

            s.rollback();

            assertTrue(st(flushedNew).isTransient());
            assertNull(st(flushedNew).identity());
            assertTrue(st(pendingNew).isTransient());
            assertTrue(st(changed).isPersistent());
            assertEquals(USER_COLUMNS, st(changed).expiredAttributes());
            assertTrue(st(deleted).isPersistent());
            assertSame(deleted, s.identityMap().get(new IdentityKey(User.class, ids[1])));
            assertTrue(s.getNew().isEmpty());
            assertTrue(s.getDeleted().isEmpty());
            assertTrue(s.getDirty().isEmpty());
            assertEquals("changed", changed.name);
            assertEquals("deleted", deleted.name);
        }
        assertEquals(Map.of(ids[0], "changed", ids[1], "deleted"), rows.users());
    }

    // T9 before: two objects flushed in the transaction (keys assigned). action: rollback().
    // after: their identity keys are gone from the identity map; only the committed one is left.
    @Test
    void rootRollbackRemovesIdentityKeysItAssigned() {
        long id = seed("old")[0];
        try (Session s = sessions.open()) {
            User old = s.get(User.class, id);
            User a = new User("a");
            User b = new User("b");
            s.addAll(List.of(a, b));
            s.flush();
            IdentityKey ka = new IdentityKey(User.class, a.id);
            IdentityKey kb = new IdentityKey(User.class, b.id);
            assertTrue(s.identityMap().containsKey(ka));
            s.rollback();
            assertFalse(s.identityMap().containsKey(ka));
            assertFalse(s.identityMap().containsKey(kb));
            assertEquals(Map.of(new IdentityKey(User.class, id), old), s.identityMap());
            assertFalse(s.contains(a));
            assertNull(s.get(User.class, a.id), "the rolled-back row is not there");
        }
        assertEquals(List.of("old"), rows.names());
    }

    // T10 before: a loaded, untouched persistent object. action: rollback(). after: expired too;
    // the next read loads every column in one SELECT.
    @Test
    void rootRollbackExpiresUntouchedPersistentObjects() {
        long id = seed("calm")[0];
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            s.rollback();
            assertEquals(USER_COLUMNS, st(u).expiredAttributes());
            rows.change("UPDATE users SET name = ? WHERE id = ?", "outside", id);
            try (SqlCapture sql = SqlCapture.start()) {
                assertEquals("outside", u.name);
                assertEquals(0, u.logins);
                assertEquals(1, sql.count(), () -> String.valueOf(sql.lines()));
                assertEquals(1, sql.count("SELECT"), () -> String.valueOf(sql.lines()));
            }
            assertEquals(Set.of(), st(u).expiredAttributes());
        }
    }

    // T11 before: a session without a transaction, one object pending. action: rollback(). after:
    // nothing happens, no SQL; the object stays pending (SQLAlchemy's rollback() does nothing when
    // no transaction has begun).
    @Test
    void rollbackWithoutATransactionIsANoOp() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            s.rollback();
            assertFalse(s.inTransaction());
            assertEquals(0, sql.count());
        }
    }

    @Test
    void rollbackAfterAddRollsBackTheAutobegunTransactionAndExpungesThePendingInstance() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            User u = new User("p");
            s.add(u);
            assertTrue(s.inTransaction());
            s.rollback();
            assertFalse(s.inTransaction());
            assertEquals(0, sql.count(), "no connection was needed");
            assertTrue(st(u).isTransient(), "as SQLAlchemy: the rollback undoes the add");
            s.add(u);
            s.commit();
        }
        assertEquals(List.of("p"), rows.names());
    }

    @Test
    void theFirstChangeOfAPersistentInstanceAfterCommitBegins() {
        long[] ids = seed("ada");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, ids[0]);
            s.commit();
            assertFalse(s.inTransaction());
            u.name = "Ada";
            assertTrue(s.inTransaction(), "the change autobegins, as SQLAlchemy's modified event");
            s.commit();
        }
        assertEquals(List.of("Ada"), rows.names());
    }

    @Test
    void getOfAnInstanceMarkedDeletedButNotFlushedReturnsIt() {
        long[] ids = seed("ada");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, ids[0]);
            s.delete(u);
            assertSame(u, s.get(User.class, ids[0]), "still persistent until the flush");
            assertTrue(s.contains(u));
            s.flush();
            assertFalse(s.contains(u), "deleted: out of the identity map");
            assertNull(s.get(User.class, ids[0]));
        }
    }

    @Test
    void getOfAnExpiredInstanceWhoseRowIsGoneReturnsNullAndRemovesIt() {
        long[] ids = seed("ada");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, ids[0]);
            s.commit();
            Schemas.execute(engine, "DELETE FROM users WHERE id = " + ids[0]);
            assertNull(s.get(User.class, ids[0]));
            assertFalse(s.contains(u));
        }
    }

    // T12 before: a committed row with an email, loaded and changed; in the transaction one object
    // flushed. action: a flush that violates the unique email. after: IntegrityException; the
    // transaction is rolled back at once (both new objects transient, the changed one expired) and
    // inactive: PendingRollbackException, again and again, until rollback(); an object added while
    // inactive is discarded by that rollback; then the session works again.
    @Test
    void failedFlushAtTheRootNeedsRollback() {
        TestModel.keepLoaded(engine).transaction(s -> {
            User u = new User("owner");
            u.email = "e@x.org";
            s.add(u);
        });
        try (Session s = sessions.open()) {
            User owner = s.scalars(io.athanor.sql.Sql.select(User.class)).one();
            owner.fullname = "flushed, then rolled back";
            User ok = new User("ok");
            s.add(ok);
            s.flush();
            User dup = new User("dup");
            dup.email = "e@x.org";
            s.add(dup);
            assertThrows(IntegrityException.class, s::flush);
            assertFalse(s.isActive());
            assertTrue(s.inTransaction());
            assertTrue(st(ok).isTransient());
            assertTrue(st(dup).isTransient());
            assertEquals(USER_COLUMNS, st(owner).expiredAttributes(), "persistent objects already expired");
            s.add(new User("more"));
            assertThrows(PendingRollbackException.class, s::flush);
            assertThrows(PendingRollbackException.class, s::flush);
            assertThrows(PendingRollbackException.class, s::commit);
            assertThrows(PendingRollbackException.class, s::commit);
            assertThrows(PendingRollbackException.class, s::beginNested);
            s.rollback();
            assertTrue(s.isActive());
            assertFalse(s.inTransaction());
            assertEquals(null, owner.fullname);
            User after = new User("after");
            s.add(after);
            s.commit();
        }
        assertEquals(List.of("after", "owner"), rows.names());
        assertNull(rows.scalar("SELECT fullname FROM users WHERE name = ?", "owner"));
    }

    // T13 before: a persistent object loaded in a transaction. action: commit(), another client
    // changes the row, read an attribute. after: every attribute expired at commit; the read begins
    // a new transaction and loads the fresh values in one SELECT.
    @Test
    void commitExpiresEverythingAndTheNextReadIsFresh() {
        long id = seed("before")[0];
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            u.fullname = "Before";
            s.commit();
            assertFalse(s.inTransaction());
            assertEquals(USER_COLUMNS, st(u).expiredAttributes());
            rows.change("UPDATE users SET name = ? WHERE id = ?", "after", id);
            try (SqlCapture sql = SqlCapture.start()) {
                assertEquals("after", u.name);
                assertEquals("Before", u.fullname);
                assertEquals(1, sql.count("SELECT"), () -> String.valueOf(sql.lines()));
            }
            assertTrue(s.inTransaction(), "the load autobegan a new transaction");
        }
        assertEquals(Map.of(id, "after"), rows.users());
    }

    // T14 before: expireOnCommit(false); an object committed. action: another client changes the
    // row, read; then expireAll(), read; then close(). after: the stale value stays readable with no
    // SQL until expireAll; after close the detached object still reads its loaded values.
    @Test
    void withoutExpireOnCommitValuesStayReadableEvenDetached() {
        SessionMaker keep = TestModel.keepLoaded(engine);
        User u = new User("ed");
        try (Session s = keep.open()) {
            s.add(u);
            s.commit();
            assertEquals(Set.of(), st(u).expiredAttributes());
            rows.change("UPDATE users SET name = ? WHERE id = ?", "edward", u.id);
            try (SqlCapture sql = SqlCapture.start()) {
                assertEquals("ed", u.name);
                assertEquals(0, sql.count());
            }
            s.expireAll();
            assertEquals("edward", u.name);
            s.commit();
        }
        assertTrue(st(u).isDetached());
        assertEquals("edward", u.name);
        assertEquals(Set.of(), st(u).expiredAttributes());
        assertEquals(Map.of(u.id, "edward"), rows.users());
    }

    // T15 before: expireOnCommit (default); an object committed and then the session closed.
    // action: read an attribute. after: detached with every attribute expired:
    // DetachedInstanceException; its identity is kept.
    @Test
    void withExpireOnCommitADetachedObjectCannotLoad() {
        User u = new User("gone");
        try (Session s = sessions.open()) {
            s.add(u);
            s.commit();
        }
        assertTrue(st(u).isDetached());
        assertNotNull(st(u).identity());
        assertEquals(USER_COLUMNS, st(u).expiredAttributes());
        assertThrows(DetachedInstanceException.class, () -> u.name.length());
        assertEquals(List.of("gone"), rows.names());
    }

    // T16 before: an open transaction with a loaded object changed and a new object flushed.
    // action: close(). after: the transaction is rolled back at the database; close() expunges
    // without restoring a snapshot, so both are detached (as in SQLAlchemy, where close() is
    // expunge_all() then closing the transaction); the same session runs another transaction.
    @Test
    void closeRollsBackExpungesAndTheSessionIsReusable() {
        long id = seed("there")[0];
        Session s = sessions.open();
        User there = s.get(User.class, id);
        there.name = "not saved";
        User pending = new User("pending");
        s.add(pending);
        s.flush();
        s.close();
        assertFalse(s.inTransaction());
        assertTrue(st(pending).isDetached());
        assertTrue(st(there).isDetached());
        assertTrue(s.identityMap().isEmpty());
        assertEquals(Map.of(id, "there"), rows.users());
        s.add(new User("again"));
        s.commit();
        s.close();
        assertEquals(List.of("again", "there"), rows.names());
    }
}
