package io.athanor.core.guards;

import static io.athanor.core.guards.GuardModel.indexOf;
import static io.athanor.core.guards.GuardModel.rows;
import static io.athanor.core.guards.GuardModel.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Without delete-orphan, a child removed from its parent's collection is kept and its foreign key is
 * set to NULL at flush; without cascade delete, deleting the parent sets its children's foreign keys
 * to NULL (loading the collection to find them) before the parent's row is deleted. SQLAlchemy's
 * OneToManyDP does both, whether or not the child has a many-to-one back.
 */
@AllDatabases
class OrphanForeignKeyTest {
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
    void guestRemovedFromABidirectionalCollectionLosesItsKey() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Guest u1 = a.guests.get(0);
            assertSame(a, u1.guild);
            try (SqlCapture sql = SqlCapture.start()) {
                a.guests.remove(u1);
                assertNull(u1.guild, "the many-to-one follows at once");
                assertEquals(List.of(), sql.lines(), "in memory only");
                s.flush();
                List<String> updates = statements(sql, "UPDATE", "grd_guests");
                assertEquals(1, updates.size(), sql.lines().toString());
                assertTrue(updates.get(0).contains("guild_id"), updates.get(0));
                assertEquals(0, sql.count("DELETE"), "no delete-orphan: " + sql.lines());
            }
            assertNull(u1.guildId);
            assertTrue(Athanor.inspect(u1).isPersistent());
            assertSame(u1, s.get(Guest.class, seed.u1.id));
            s.commit();
        }
        assertEquals(List.of(Arrays.asList("u1", null), List.of("u2", str(seed.g1.id)), List.of("u3", str(seed.g2.id))),
                rows(engine, "SELECT name, guild_id FROM grd_guests ORDER BY name"));
    }

    @Test
    @Disabled("bug: a child loaded through its parent's collection has its many-to-one unloaded; removing it from "
            + "the collection makes Relationships.unlinkBack skip the many-to-one (loadedRelationshipValue is null "
            + "when unloaded), so under noAutoflush it then lazy-loads the old key and returns the old parent. "
            + "SQLAlchemy's backref pops it with PASSIVE_NO_FETCH, finding the parent in the identity map, and sets None")
    void removingAGuestWhoseManyToOneWasNeverReadClearsItInMemory() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Guest u1 = a.guests.get(0);
            assertTrue(Athanor.inspect(u1).unloadedAttributes().contains("guild"));
            a.guests.remove(u1);
            try (var block = s.noAutoflush(); SqlCapture sql = SqlCapture.start()) {
                assertNull(u1.guild, "SQLAlchemy's backref finds the guild in the identity map and clears it");
            }
        }
    }

    @Test
    void memoRemovedFromAOneDirectionalCollectionLosesItsKey() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Memo n1 = a.memos.get(0);
            a.memos.remove(n1);
            assertEquals(seed.g1.id, n1.guildId, "nothing changes in the child before the flush");
            try (SqlCapture sql = SqlCapture.start()) {
                s.flush();
                List<String> updates = statements(sql, "UPDATE", "grd_memos");
                assertEquals(1, updates.size(), sql.lines().toString());
                assertTrue(updates.get(0).contains("guild_id"), updates.get(0));
                assertEquals(0, sql.count("DELETE"), "no delete-orphan: " + sql.lines());
            }
            assertNull(n1.guildId, "the flush cleared the key");
            assertTrue(Athanor.inspect(n1).isPersistent());
            s.commit();
        }
        assertEquals(List.of(Arrays.asList("n1", null), List.of("n2", str(seed.g1.id)), List.of("n3", str(seed.g2.id))),
                rows(engine, "SELECT body, guild_id FROM grd_memos ORDER BY body"));
    }

    @Test
    void deletingAGuildClearsTheKeysOfChildrenItDoesNotCascadeDeleteTo() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            assertTrue(Athanor.inspect(a).unloadedAttributes().containsAll(List.of("guests", "memos")));
            try (SqlCapture sql = SqlCapture.start()) {
                s.delete(a);
                s.flush();
                List<String> guestUpdates = statements(sql, "UPDATE", "grd_guests");
                List<String> memoUpdates = statements(sql, "UPDATE", "grd_memos");
                assertTrue(!guestUpdates.isEmpty() && guestUpdates.stream().allMatch(x -> x.contains("guild_id")),
                        "guests' keys cleared: " + sql.lines());
                assertTrue(!memoUpdates.isEmpty() && memoUpdates.stream().allMatch(x -> x.contains("guild_id")),
                        "memos' keys cleared: " + sql.lines());
                int deleteGuild = indexOf(sql, "DELETE", "grd_guilds");
                assertTrue(deleteGuild > indexOf(sql, "UPDATE", "grd_guests")
                        && deleteGuild > indexOf(sql, "UPDATE", "grd_memos"), "keys cleared first: " + sql.lines());
                assertTrue(indexOf(sql, "DELETE", "grd_members") >= 0, "members cascade: " + sql.lines());
                assertEquals(List.of(), statements(sql, "DELETE", "grd_guests"), sql.lines().toString());
                assertEquals(List.of(), statements(sql, "DELETE", "grd_memos"), sql.lines().toString());
            }
            for (long id : List.of(seed.u1.id, seed.u2.id)) {
                Guest g = s.get(Guest.class, id);
                assertTrue(Athanor.inspect(g).isPersistent());
                assertNull(g.guildId, "in memory too");
            }
            for (long id : List.of(seed.n1.id, seed.n2.id)) {
                Memo n = s.get(Memo.class, id);
                assertTrue(Athanor.inspect(n).isPersistent());
                assertNull(n.guildId, "in memory too");
            }
            assertTrue(Athanor.inspect(a).isDeleted());
            s.commit();
        }
        assertEquals(List.of(List.of("g2")), rows(engine, "SELECT name FROM grd_guilds"));
        assertEquals(List.of(Arrays.asList("u1", null), Arrays.asList("u2", null), List.of("u3", str(seed.g2.id))),
                rows(engine, "SELECT name, guild_id FROM grd_guests ORDER BY name"));
        assertEquals(List.of(Arrays.asList("n1", null), Arrays.asList("n2", null), List.of("n3", str(seed.g2.id))),
                rows(engine, "SELECT body, guild_id FROM grd_memos ORDER BY body"));
        assertEquals(List.of(List.of("m3")), rows(engine, "SELECT name FROM grd_members"), "cascade delete");
    }

    static String str(Object o) {
        return String.valueOf(o);
    }
}
