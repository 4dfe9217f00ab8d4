package io.athanor.core.transactions;

import static io.athanor.sql.Sql.select;
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
import io.athanor.InvalidRequestException;
import io.athanor.ObjectDeletedException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.core.model.TestModel;
import io.athanor.core.model.User;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import io.athanor.testsupport.TestDatabase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The behaviour table for expiration and refresh: what {@code expire}, {@code expireAll} and
 * {@code refresh} discard and reload, in how many SELECTs of which columns, and what happens when
 * another client deleted the row. Each case: the states before, the action, then the instance
 * states and the committed rows after.
 */
@AllDatabases
class ExpireRefreshTest {
    static final Set<String> USER_COLUMNS = TransactionsTest.USER_COLUMNS;

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;
    SessionMaker keep;
    Rows rows;

    @BeforeEach
    void setUp() {
        SqlCapture.silence();
        engine = TestModel.freshEngine(db);
        sessions = TestModel.sessions(engine);
        keep = TestModel.keepLoaded(engine);
        rows = new Rows(engine);
    }

    /** A committed user: name, fullname, email; its id. */
    long seed(String name, String fullname) {
        User u = new User(name, fullname);
        u.email = name + "@example.org";
        keep.transaction(s -> s.add(u));
        return u.id;
    }

    static InstanceState st(Object o) {
        return Athanor.inspect(o);
    }

    /** The column names in the select list of a SELECT, without quotes or table names. */
    static Set<String> selected(String sql) {
        String lower = sql.toLowerCase();
        String list = lower.substring(lower.indexOf("select") + 6, lower.indexOf(" from "));
        Set<String> out = new LinkedHashSet<>();
        for (String part : list.split(",")) {
            String c = part.trim().replaceAll("[\"`]", "");
            out.add(c.substring(c.lastIndexOf('.') + 1));
        }
        return out;
    }

    // E1 before: a loaded persistent user. action: expire(u). after: every attribute expired, no
    // SQL yet; the first read loads all of them in one SELECT; later reads emit nothing.
    @Test
    void expireAWholeObjectLoadsEverythingInOneSelect() {
        long id = seed("ada", "Ada L");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            try (SqlCapture sql = SqlCapture.start()) {
                s.expire(u);
                assertEquals(0, sql.count());
                assertEquals(USER_COLUMNS, st(u).expiredAttributes());
                assertTrue(st(u).isPersistent());
                assertEquals("ada", u.name);
                assertEquals(1, sql.count(), sql.lines().toString());
                assertEquals(USER_COLUMNS, selected(sql.statements().get(0)));
                assertEquals("Ada L", u.fullname);
                assertEquals("ada@example.org", u.email);
                assertEquals(1, sql.count(), sql.lines().toString());
            }
            assertEquals(Set.of(), st(u).expiredAttributes());
        }
        assertEquals(Map.of(id, "ada"), rows.users());
    }

    // E2 before: a loaded persistent user. action: expire(u, "name", "fullname"). after: only those
    // two are expired; reading another attribute emits nothing; reading name loads exactly the two
    // expired columns in one SELECT.
    @Test
    void expireSomeAttributesLoadsOnlyThoseColumns() {
        long id = seed("bob", "Bob B");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            s.expire(u, "name", "fullname");
            assertEquals(Set.of("name", "fullname"), st(u).expiredAttributes());
            try (SqlCapture sql = SqlCapture.start()) {
                assertEquals("bob@example.org", u.email);
                assertEquals(0, sql.count());
                assertEquals("bob", u.name);
                assertEquals("Bob B", u.fullname);
                assertEquals(1, sql.count(), sql.lines().toString());
                assertEquals(Set.of("name", "fullname"), selected(sql.statements().get(0)));
            }
            assertEquals(Set.of(), st(u).expiredAttributes());
        }
    }

    // E3 before: a loaded user with two unflushed changes. action: expire(u). after: the changes are
    // discarded (not dirty, not modified), the reads return the database values, and commit writes
    // no UPDATE.
    @Test
    void expireDiscardsUnflushedChanges() {
        long id = seed("cy", "Cy");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            u.name = "changed";
            u.fullname = "Changed";
            assertEquals(Set.of(u), s.getDirty());
            s.expire(u);
            assertTrue(s.getDirty().isEmpty());
            assertFalse(s.isModified(u));
            assertEquals("cy", u.name);
            assertEquals("Cy", u.fullname);
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(0, sql.count("UPDATE"), sql.lines().toString());
            }
        }
        assertEquals(Map.of(id, "cy"), rows.users());
        assertEquals("Cy", rows.scalar("SELECT fullname FROM users WHERE id = ?", id));
    }

    // E4 before: a loaded user with unflushed changes to name and fullname. action: expire(u,
    // "name"). after: only the name change is discarded; fullname stays changed and is the only
    // column the commit's UPDATE writes.
    @Test
    void expireOfSomeAttributesDiscardsOnlyTheirChanges() {
        long id = seed("dee", "Dee");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            u.name = "changed";
            u.fullname = "Changed";
            s.expire(u, "name");
            assertEquals(Set.of("name"), st(u).expiredAttributes());
            assertTrue(s.isModified(u));
            assertEquals("Changed", u.fullname);
            assertEquals("dee", u.name);
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(1, sql.count("UPDATE"), sql.lines().toString());
                String update = sql.statements().get(0).toLowerCase();
                assertTrue(update.contains("fullname") && !update.replace("fullname", "").contains("name"),
                        update);
            }
        }
        assertEquals(Map.of(id, "dee"), rows.users());
        assertEquals("Changed", rows.scalar("SELECT fullname FROM users WHERE id = ?", id));
    }

    // E5 before: expireOnCommit(false); two users loaded and committed (values kept), one of them
    // then changed in memory; another client changes both rows. action: expireAll(). after: both
    // expired, the change discarded; each reads the other client's values, one SELECT each.
    @Test
    void expireAllExpiresEveryInstanceAndReadsFreshValues() {
        long a = seed("a", "A");
        long b = seed("b", "B");
        try (Session s = keep.open()) {
            User ua = s.get(User.class, a);
            User ub = s.get(User.class, b);
            s.commit();
            ub.fullname = "mine";
            rows.change("UPDATE users SET fullname = ?", "theirs");
            assertEquals("A", ua.fullname);
            s.expireAll();
            assertEquals(USER_COLUMNS, st(ua).expiredAttributes());
            assertEquals(USER_COLUMNS, st(ub).expiredAttributes());
            assertTrue(s.getDirty().isEmpty());
            try (SqlCapture sql = SqlCapture.start()) {
                assertEquals("theirs", ua.fullname);
                assertEquals("theirs", ub.fullname);
                assertEquals(2, sql.count("SELECT"), sql.lines().toString());
            }
            s.commit();
        }
        assertEquals(List.of("theirs", "theirs"), List.of(
                rows.scalar("SELECT fullname FROM users WHERE id = ?", a),
                rows.scalar("SELECT fullname FROM users WHERE id = ?", b)));
    }

    // E6 before: expireOnCommit(false); a user committed, then changed in memory; another client
    // changed the row. action: refresh(u). after: one SELECT at once; the change discarded, the
    // other client's values loaded, nothing expired; reads emit nothing more.
    @Test
    void refreshReloadsAtOnceAndDiscardsChanges() {
        long id = seed("eve", "Eve");
        try (Session s = keep.open()) {
            User u = s.get(User.class, id);
            s.commit();
            u.name = "mine";
            rows.change("UPDATE users SET name = ?, fullname = ? WHERE id = ?", "theirs", "Theirs", id);
            try (SqlCapture sql = SqlCapture.start()) {
                s.refresh(u);
                assertEquals(1, sql.count(), sql.lines().toString());
                assertEquals(USER_COLUMNS, selected(sql.statements().get(0)));
                assertEquals(Set.of(), st(u).expiredAttributes());
                assertFalse(s.isModified(u));
                assertEquals("theirs", u.name);
                assertEquals("Theirs", u.fullname);
                assertEquals(1, sql.count(), sql.lines().toString());
            }
            s.commit();
        }
        assertEquals(Map.of(id, "theirs"), rows.users());
    }

    // E7 before: expireOnCommit(false); a user committed, then name and fullname changed in memory;
    // another client changed the name. action: refresh(u, "name"). after: the name change is
    // discarded, the fullname change kept: refresh autoflushes it (UPDATE of fullname only, as
    // SQLAlchemy's refresh() autoflushes after expiring), then one SELECT of the name only; name is
    // the other client's, fullname the kept change, committed.
    @Test
    void refreshOfSomeAttributesKeepsOtherChanges() {
        long id = seed("fay", "Fay");
        try (Session s = keep.open()) {
            User u = s.get(User.class, id);
            s.commit();
            u.name = "mine";
            u.fullname = "Mine";
            rows.change("UPDATE users SET name = ? WHERE id = ?", "theirs", id);
            try (SqlCapture sql = SqlCapture.start()) {
                s.refresh(u, "name");
                assertEquals(2, sql.count(), sql.lines().toString());
                String update = sql.statements().get(0).toLowerCase();
                assertTrue(update.startsWith("update") && !update.replace("fullname", "").contains("name"), update);
                assertEquals(Set.of("name"), selected(sql.statements().get(1)));
            }
            assertEquals("theirs", u.name);
            assertEquals("Mine", u.fullname);
            assertFalse(s.isModified(u));
            s.commit();
        }
        assertEquals(Map.of(id, "theirs"), rows.users());
        assertEquals("Mine", rows.scalar("SELECT fullname FROM users WHERE id = ?", id));
    }

    // E8 before: a user loaded and committed (expired); another client deletes its row. action:
    // refresh(u). after: ObjectDeletedException; the instance is still persistent in the session.
    @Test
    void refreshOfARowDeletedElsewhereRaisesObjectDeleted() {
        long id = seed("gil", "Gil");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            s.commit();
            rows.change("DELETE FROM users WHERE id = ?", id);
            assertThrows(ObjectDeletedException.class, () -> s.refresh(u));
            assertTrue(st(u).isPersistent());
        }
        assertEquals(Map.of(), rows.users());
    }

    // E9 before: a user loaded and committed (expired); another client deletes its row. action: read
    // an attribute. after: ObjectDeletedException, again on the next read; expunge() still works.
    @Test
    void readingAnExpiredObjectWhoseRowIsGoneRaisesObjectDeleted() {
        long id = seed("hal", "Hal");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            s.commit();
            rows.change("DELETE FROM users WHERE id = ?", id);
            assertThrows(ObjectDeletedException.class, () -> u.name.length());
            assertThrows(ObjectDeletedException.class, () -> u.fullname.length());
            assertEquals(USER_COLUMNS, st(u).expiredAttributes());
            s.expunge(u);
            assertTrue(st(u).isDetached());
        }
        assertEquals(Map.of(), rows.users());
    }

    // E10 before: a transient, a pending and a detached user. action: expire() and refresh() on
    // each. after: InvalidRequestException every time (only persistent instances can be expired or
    // refreshed); no state changes.
    @Test
    void expireAndRefreshNeedAPersistentInstance() {
        long id = seed("ivy", "Ivy");
        User detached;
        try (Session s = keep.open()) {
            detached = s.get(User.class, id);
        }
        User fresh = new User("t");
        User pending = new User("p");
        try (Session s = sessions.open()) {
            s.add(pending);
            for (User u : List.of(fresh, pending, detached)) {
                assertThrows(InvalidRequestException.class, () -> s.expire(u));
                assertThrows(InvalidRequestException.class, () -> s.refresh(u));
            }
            assertTrue(st(fresh).isTransient());
            assertTrue(st(pending).isPending());
            assertTrue(st(detached).isDetached());
            assertEquals("ivy", detached.name);
        }
        assertEquals(Map.of(id, "ivy"), rows.users());
    }

    // E11 before: each life stage of one user. action: inspect(u).expiredAttributes(). after: empty
    // when transient, pending, just flushed and just loaded; every attribute after commit; empty
    // again once an attribute read reloaded them.
    @Test
    void expiredAttributesFollowTheLifeCycle() {
        User u = new User("jo");
        assertEquals(Set.of(), st(u).expiredAttributes());
        try (Session s = sessions.open()) {
            s.add(u);
            assertEquals(Set.of(), st(u).expiredAttributes());
            s.flush();
            assertEquals(Set.of(), st(u).expiredAttributes());
            s.commit();
            assertEquals(USER_COLUMNS, st(u).expiredAttributes());
            assertEquals("jo", u.name);
            assertEquals(Set.of(), st(u).expiredAttributes());
        }
        assertEquals(List.of("jo"), rows.names());
    }

    // E12 before: a persistent user, expired. action: assign name without reading it, then read
    // fullname. after: the assignment emits no SQL and un-expires name; the read loads only the
    // other expired columns and keeps the new name; commit writes it.
    @Test
    void assigningAnExpiredAttributeNeedsNoLoadAndSurvivesTheLoad() {
        long id = seed("kim", "Kim");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            s.expire(u);
            try (SqlCapture sql = SqlCapture.start()) {
                u.name = "kimberly";
                assertEquals(0, sql.count());
                assertFalse(st(u).expiredAttributes().contains("name"));
                assertEquals("Kim", u.fullname);
                assertEquals(1, sql.count(), sql.lines().toString());
                assertFalse(selected(sql.statements().get(0)).contains("name"), sql.lines().toString());
            }
            assertEquals("kimberly", u.name);
            s.commit();
        }
        assertEquals(Map.of(id, "kimberly"), rows.users());
    }

    // E13 before: a persistent user, expired. action: a query whose rows include it. after: the
    // query fills the same instance (identity map), and reading it emits no more SQL.
    @Test
    void aQueryRowFillsAnExpiredInstance() {
        long id = seed("lee", "Lee");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            s.expire(u);
            rows.change("UPDATE users SET fullname = ? WHERE id = ?", "Lee Updated", id);
            List<User> all = s.scalars(select(User.class)).all();
            assertSame(u, all.get(0));
            assertEquals(Set.of(), st(u).expiredAttributes());
            try (SqlCapture sql = SqlCapture.start()) {
                assertEquals("lee", u.name);
                assertEquals(0, sql.count());
            }
            s.commit();
        }
    }

    // E14 before: a persistent user in the identity map. action: get() after expire(u) and after
    // expire(u, "fullname"). after: a fully expired instance is reloaded by get() (one SELECT); a
    // partly expired one is returned from the identity map with no SQL, its attribute still expired.
    @Test
    void getReloadsAFullyExpiredInstanceOnly() {
        long id = seed("max", "Max");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            s.expire(u);
            try (SqlCapture sql = SqlCapture.start()) {
                assertSame(u, s.get(User.class, id));
                assertEquals(1, sql.count("SELECT"), sql.lines().toString());
                assertEquals(Set.of(), st(u).expiredAttributes());
                sql.clear();
                s.expire(u, "fullname");
                assertSame(u, s.get(User.class, id));
                assertEquals(0, sql.count(), sql.lines().toString());
                assertEquals(Set.of("fullname"), st(u).expiredAttributes());
            }
        }
    }

    // E15 before: a user loaded and committed (expired); another client deletes its row. action:
    // get() by its key. after: null; the instance moved to the deleted state (out of the identity
    // map), as SQLAlchemy's get() does when it finds an expired instance's row gone; a rollback
    // restores it as persistent.
    @Test
    void getOfAnExpiredInstanceWhoseRowIsGoneReturnsNull() {
        long id = seed("ned", "Ned");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            s.commit();
            rows.change("DELETE FROM users WHERE id = ?", id);
            assertNull(s.get(User.class, id));
            assertTrue(st(u).isDeleted());
            assertFalse(s.identityMap().containsKey(new IdentityKey(User.class, id)));
            s.rollback();
            assertTrue(st(u).isPersistent());
        }
        assertEquals(Map.of(), rows.users());
    }

    // E16 before: a user loaded in an open transaction (the database's snapshot may start here);
    // another client commits a change to it. action: expire(u), read. after: H2 and PostgreSQL
    // (READ COMMITTED by default) return the other client's value; MariaDB (InnoDB, REPEATABLE READ
    // by default) returns the value of the transaction's snapshot until the session's transaction
    // ends: the database, not the session, decides what an expired read sees. After commit all
    // three read the new value.
    @Test
    void whatAnExpiredReadSeesInsideATransactionIsTheDatabasesIsolation() {
        long id = seed("oz", "Oz");
        try (Session s = sessions.open()) {
            User u = s.get(User.class, id);
            rows.change("UPDATE users SET name = ? WHERE id = ?", "oscar", id);
            s.expire(u);
            String expected = db.kind() == TestDatabase.MARIADB ? "oz" : "oscar";
            assertEquals(expected, u.name);
            s.commit();
            assertEquals("oscar", u.name);
        }
        assertEquals(Map.of(id, "oscar"), rows.users());
    }
}
