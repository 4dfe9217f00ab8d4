package io.athanor.core.guards;

import static io.athanor.core.guards.GuardModel.rows;
import static io.athanor.core.guards.GuardModel.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * {@code expunge()} follows the relationships whose cascade has {@code expunge} (here {@code all}:
 * Guild.members) and no others (Guild.guests, Guild.memos, Member.guild: {@code save-update, merge}):
 * what it reached leaves the session (persistent become detached, pending transient), so later
 * changes to them are not flushed, while the others stay and are flushed.
 */
@AllDatabases
class ExpungeCascadeTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;
    Seed seed;

    @BeforeEach
    void setUp() {
        engine = GuardModel.freshEngine(db);
        sessions = GuardModel.sessions(engine);
        seed = new Seed(GuardModel.keepLoaded(engine));
    }

    @Test
    void expungeFollowsTheExpungeCascadeOnly() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Member m1 = a.members.get(0);
            Member m2 = a.members.get(1);
            Guest u1 = a.guests.get(0);
            Guest u2 = a.guests.get(1);
            Memo n1 = a.memos.get(0);
            Member newMember = new Member("m9");
            a.members.add(newMember);
            assertTrue(Athanor.inspect(newMember).isPending(), "save-update");
            // u1.guild stays unread: a flush would re-attach the guild along it (see the disabled tests below)
            assertTrue(Athanor.inspect(u1).unloadedAttributes().contains("guild"));
            try (SqlCapture sql = SqlCapture.start()) {
                s.expunge(a);
                assertEquals(List.of(), sql.lines(), "expunge touches no row");
            }
            assertFalse(s.contains(a));
            assertTrue(Athanor.inspect(a).isDetached());
            for (Member m : List.of(m1, m2)) {
                assertFalse(s.contains(m), "cascade all reaches the members");
                assertTrue(Athanor.inspect(m).isDetached());
            }
            assertTrue(Athanor.inspect(newMember).isTransient(), "a pending member becomes transient");
            for (Guest g : List.of(u1, u2)) {
                assertTrue(s.contains(g), "the guests' cascade has no expunge");
                assertTrue(Athanor.inspect(g).isPersistent());
            }
            assertTrue(s.contains(n1) && Athanor.inspect(n1).isPersistent(), "the memos' cascade has no expunge");
            assertEquals(4, s.identityMap().size(), "u1, u2, n1 and n2 only: " + s.identityMap());

            a.name = "g1 changed";
            m1.name = "m1 changed";
            u1.name = "u1 changed";
            n1.body = "n1 changed";
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(List.of(), statements(sql, "UPDATE", "grd_guilds"), sql.lines().toString());
                assertEquals(List.of(), statements(sql, "UPDATE", "grd_members"), sql.lines().toString());
                assertEquals(List.of(), statements(sql, "INSERT", "grd_members"), sql.lines().toString());
                assertEquals(1, statements(sql, "UPDATE", "grd_guests").size(), sql.lines().toString());
                assertEquals(1, statements(sql, "UPDATE", "grd_memos").size(), sql.lines().toString());
            }
        }
        assertEquals(List.of(List.of("g1"), List.of("g2")), rows(engine, "SELECT name FROM grd_guilds ORDER BY name"));
        assertEquals(List.of(List.of("m1"), List.of("m2"), List.of("m3")),
                rows(engine, "SELECT name FROM grd_members ORDER BY name"));
        assertEquals(List.of(List.of("u1 changed", str(seed.g1.id)), List.of("u2", str(seed.g1.id)),
                List.of("u3", str(seed.g2.id))),
                rows(engine, "SELECT name, guild_id FROM grd_guests ORDER BY name"));
        assertEquals(List.of(List.of("n1 changed"), List.of("n2"), List.of("n3")),
                rows(engine, "SELECT body FROM grd_memos ORDER BY body"));
    }

    @Test
    void expungingAChildLeavesItsParentWhoseManyToOneHasNoExpunge() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Member m1 = a.members.get(0);
            Guest u1 = a.guests.get(0);
            assertSame(a, m1.guild);
            assertSame(a, u1.guild);
            s.expunge(m1);
            s.expunge(u1);
            assertTrue(Athanor.inspect(m1).isDetached() && Athanor.inspect(u1).isDetached());
            assertTrue(s.contains(a) && Athanor.inspect(a).isPersistent(), "Member.guild and Guest.guild have no expunge");
            a.name = "g1 changed";
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(1, statements(sql, "UPDATE", "grd_guilds").size(), "the guild is still flushed: "
                        + sql.lines());
            }
        }
        assertEquals(List.of(List.of("g1 changed"), List.of("g2")), rows(engine, "SELECT name FROM grd_guilds ORDER BY name"));
    }

    private static final String REATTACH_BUG = "bug: FlushCascade.run cascades save-update at every flush from each "
            + "pending and modified instance along its loaded relationships and re-attaches the detached instances it "
            + "reaches (Membership.cascadeSaveFrom -> addOnly), so an expunge() is undone by the next flush whenever "
            + "something still in the session holds the expunged instance. SQLAlchemy cascades save-update only in "
            + "add() and on attribute events; its flush registers only session members (register_object refuses "
            + "others with the warning 'Object of type ... not in session, add operation along ... will not proceed')";

    @Test
    @Disabled(REATTACH_BUG)
    void aFlushOfTheParentDoesNotReattachAnExpungedChild() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Member m1 = a.members.get(0);
            s.expunge(m1);
            a.name = "g1 changed";
            m1.name = "m1 changed";
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(List.of(), statements(sql, "UPDATE", "grd_members"), sql.lines().toString());
            }
            assertTrue(Athanor.inspect(m1).isDetached());
        }
        assertEquals(List.of(List.of("m1"), List.of("m2"), List.of("m3")),
                rows(engine, "SELECT name FROM grd_members ORDER BY name"));
    }

    @Test
    @Disabled(REATTACH_BUG)
    void aFlushOfAPendingChildDoesNotReattachItsExpungedParent() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Member m1 = a.members.get(0);
            Member m9 = new Member("m9");
            a.members.add(m9);
            Guest u9 = new Guest("u9");
            a.guests.add(u9);
            s.expunge(a);
            a.name = "g1 changed";
            m1.name = "m1 changed";
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(1, statements(sql, "INSERT", "grd_guests").size(), sql.lines().toString());
                assertEquals(List.of(), statements(sql, "UPDATE", "grd_guilds"), sql.lines().toString());
                assertEquals(List.of(), statements(sql, "UPDATE", "grd_members"), sql.lines().toString());
                assertEquals(List.of(), statements(sql, "INSERT", "grd_members"), sql.lines().toString());
            }
            assertTrue(Athanor.inspect(a).isDetached() && Athanor.inspect(m1).isDetached());
            assertTrue(Athanor.inspect(m9).isTransient());
        }
        assertEquals(List.of(List.of("g1"), List.of("g2")), rows(engine, "SELECT name FROM grd_guilds ORDER BY name"));
        assertEquals(List.of(List.of("u1", str(seed.g1.id)), List.of("u2", str(seed.g1.id)),
                List.of("u3", str(seed.g2.id)), List.of("u9", str(seed.g1.id))),
                rows(engine, "SELECT name, guild_id FROM grd_guests ORDER BY name"));
    }

    static String str(Object o) {
        return String.valueOf(o);
    }
}
