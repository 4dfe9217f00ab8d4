package io.athanor.core;

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
import io.athanor.History;
import io.athanor.IdentityKey;
import io.athanor.InstanceState;
import io.athanor.InvalidRequestException;
import io.athanor.Key;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.core.model.Membership;
import io.athanor.core.model.TestModel;
import io.athanor.core.model.User;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Object states, the identity map and the basic unit of work, checked against the rows. */
@AllDatabases
class SessionStatesTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;
    SessionMaker setup;

    @BeforeEach
    void setUp() {
        engine = TestModel.freshEngine(db);
        sessions = TestModel.sessions(engine);
        setup = TestModel.keepLoaded(engine);
    }

    private List<String> names() {
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM users ORDER BY name")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void transientPendingPersistentDetached() {
        User u = new User("ada");
        InstanceState state = Athanor.inspect(u);
        assertTrue(state.isTransient());
        assertNull(state.session());
        try (Session s = sessions.open()) {
            s.add(u);
            assertTrue(state.isPending());
            assertSame(s, state.session());
            assertEquals(Set.of(u), s.getNew());
            s.flush();
            assertTrue(state.isPersistent());
            assertNotNull(u.id);
            assertEquals(u.id, state.identity());
            assertTrue(s.getNew().isEmpty());
            s.commit();
            assertTrue(state.isPersistent());
        }
        assertTrue(state.isDetached());
        assertEquals(List.of("ada"), names());
    }

    @Test
    void deleteThenFlushThenCommitDetaches() {
        User u = new User("grace");
        setup.transaction(s -> s.add(u));
        try (Session s = sessions.open()) {
            User loaded = s.get(User.class, u.id);
            s.delete(loaded);
            InstanceState state = Athanor.inspect(loaded);
            assertTrue(state.isPersistent(), "deleted but not flushed is still persistent");
            assertEquals(Set.of(loaded), s.getDeleted());
            s.flush();
            assertTrue(state.isDeleted());
            assertFalse(s.contains(loaded) && s.identityMap().containsValue(loaded));
            s.commit();
            assertTrue(state.isDetached());
        }
        assertEquals(List.of(), names());
    }

    @Test
    void identityMapReturnsTheSameInstanceWithoutSql() {
        User u = new User("linus");
        setup.transaction(s -> s.add(u));
        try (Session s = sessions.open()) {
            User a = s.get(User.class, u.id);
            try (SqlCapture sql = SqlCapture.start()) {
                User b = s.get(User.class, u.id);
                User c = s.get(User.class, u.id.intValue());
                assertSame(a, b);
                assertSame(a, c);
                assertEquals(0, sql.count(), "identity-map hits emit no SQL: " + sql.lines());
            }
            assertEquals(a, s.identityMap().get(new IdentityKey(User.class, u.id)));
            assertNull(s.get(User.class, -1L));
        }
    }

    @Test
    void compositeKeysGoThroughKeyOf() {
        setup.transaction(s -> s.add(new Membership("admins", 7L, "owner")));
        try (Session s = sessions.open()) {
            Membership m = s.get(Membership.class, Key.of("admins", 7));
            assertEquals("owner", m.role);
            assertSame(m, s.get(Membership.class, Key.of("admins", 7L)));
            assertNull(s.get(Membership.class, Key.of("admins", 8L)));
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> s.get(Membership.class, 7L));
            assertTrue(e.getMessage().startsWith("ATHANOR-4003"), e.getMessage());
        }
    }

    @Test
    void expungeAndCloseDetachAndTheSessionIsReusable() {
        Session s = sessions.open();
        User a = new User("a");
        User b = new User("b");
        s.addAll(List.of(a, b));
        s.commit();
        User la = s.get(User.class, a.id);
        s.expunge(la);
        assertTrue(Athanor.inspect(la).isDetached());
        assertFalse(s.contains(la));
        User lb = s.get(User.class, b.id);
        s.close();
        assertTrue(Athanor.inspect(lb).isDetached());
        assertTrue(s.identityMap().isEmpty());
        s.add(new User("c"));
        s.commit();
        s.close();
        assertEquals(List.of("a", "b", "c"), names());
    }

    @Test
    void expungeAllMakesPendingTransient() {
        try (Session s = sessions.open()) {
            User u = new User("x");
            s.add(u);
            s.expungeAll();
            assertTrue(Athanor.inspect(u).isTransient());
            s.commit();
        }
        assertEquals(List.of(), names());
    }

    @Test
    void dirtyNewAndDeletedSets() {
        User u = new User("old");
        User v = new User("gone");
        setup.transaction(s -> s.addAll(List.of(u, v)));
        try (Session s = sessions.open()) {
            User lu = s.get(User.class, u.id);
            User lv = s.get(User.class, v.id);
            User fresh = new User("new");
            s.add(fresh);
            lu.name = "changed";
            s.delete(lv);
            assertEquals(Set.of(fresh), s.getNew());
            assertEquals(Set.of(lu), s.getDirty());
            assertEquals(Set.of(lv), s.getDeleted());
            assertTrue(s.isModified(lu));
            assertFalse(s.isModified(lv));
            s.commit();
        }
        assertEquals(List.of("changed", "new"), names());
    }

    @Test
    void settingTheSameValueIsDirtyButNotModified() {
        User u = new User("same");
        setup.transaction(s -> s.add(u));
        try (Session s = sessions.open()) {
            User l = s.get(User.class, u.id);
            l.name = "same";
            assertEquals(Set.of(l), s.getDirty(), "SQLAlchemy reports any set attribute as dirty");
            assertFalse(s.isModified(l));
            try (SqlCapture sql = SqlCapture.start()) {
                s.flush();
                assertEquals(0, sql.count("UPDATE"), "no net change, no UPDATE: " + sql.lines());
            }
            assertTrue(s.getDirty().isEmpty());
        }
    }

    @Test
    void attributeHistory() {
        User u = new User("before");
        setup.transaction(s -> s.add(u));
        try (Session s = sessions.open()) {
            User l = s.get(User.class, u.id);
            assertEquals(new History(List.of(), List.of("before"), List.of()), Athanor.inspect(l).attr("name").history());
            l.name = "after";
            assertEquals(new History(List.of("after"), List.of(), List.of("before")),
                    Athanor.inspect(l).attr("name").history());
            assertEquals(new History(List.of(), java.util.Collections.singletonList(null), List.of()),
                    Athanor.inspect(l).attr("fullname").history());
            s.flush();
            assertEquals(new History(List.of(), List.of("after"), List.of()), Athanor.inspect(l).attr("name").history());
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> Athanor.inspect(l).attr("nope"));
            assertTrue(e.getMessage().startsWith("ATHANOR-2011"), e.getMessage());
        }
    }

    @Test
    void detachedExpiredAttributeRaises() {
        User u = new User("d");
        Session s = sessions.open();
        s.add(u);
        s.commit();
        s.close();
        assertTrue(Athanor.inspect(u).isDetached());
        DetachedInstanceException e = assertThrows(DetachedInstanceException.class, () -> {
            String ignored = u.name;
        });
        assertTrue(e.getMessage().startsWith("ATHANOR-2010"), e.getMessage());
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
    }

    @Test
    void addingAnInstanceOfAnotherSessionFails() {
        User u = new User("twice");
        try (Session one = sessions.open(); Session two = sessions.open()) {
            one.add(u);
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> two.add(u));
            assertTrue(e.getMessage().startsWith("ATHANOR-2003"), e.getMessage());
        }
    }

    @Test
    void deletingATransientInstanceFails() {
        try (Session s = sessions.open()) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> s.delete(new User("t")));
            assertTrue(e.getMessage().startsWith("ATHANOR-2006"), e.getMessage());
        }
    }

    @Test
    void inspectingANonMappedObjectFails() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Athanor.inspect("text"));
        assertEquals("ATHANOR-2019: java.lang.String instance is not an instance of a mapped class enhanced by Athanor: "
                + "annotate the class with @Mapped and add the enhancer to its build", e.getMessage());
    }
}
