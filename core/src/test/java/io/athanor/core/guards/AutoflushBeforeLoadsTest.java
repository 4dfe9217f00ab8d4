package io.athanor.core.guards;

import static io.athanor.core.guards.GuardModel.indexOf;
import static io.athanor.core.guards.GuardModel.rows;
import static io.athanor.sql.Sql.delete;
import static io.athanor.sql.Sql.update;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A lazy load autoflushes before its SELECT, so a collection loaded on access holds the children
 * added or moved in memory since the last flush; a bulk UPDATE or DELETE autoflushes before its
 * statement, so it reaches rows that were still pending. The one-directional Guild.memos is used for
 * the lazy load: nothing but the flushed row can put a memo in it.
 */
@AllDatabases
class AutoflushBeforeLoadsTest {
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
    void lazyLoadSeesUnflushedChildren() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Memo moved = s.get(Memo.class, seed.n3.id);
            moved.guildId = a.id;
            Memo added = new Memo("n0");
            added.guildId = a.id;
            s.add(added);
            assertTrue(Athanor.inspect(a).unloadedAttributes().contains("memos"));
            try (SqlCapture sql = SqlCapture.start()) {
                List<Memo> memos = a.memos;
                assertEquals(List.of("n0", "n1", "n2", "n3"), memos.stream().map(n -> n.body).toList());
                assertSame(added, memos.get(0));
                assertSame(moved, memos.get(3));
                int select = indexOf(sql, "SELECT", "grd_memos");
                assertTrue(select >= 0, sql.lines().toString());
                assertTrue(indexOf(sql, "INSERT", "grd_memos") >= 0 && indexOf(sql, "INSERT", "grd_memos") < select,
                        "the pending memo is inserted before the lazy SELECT: " + sql.lines());
                assertTrue(indexOf(sql, "UPDATE", "grd_memos") >= 0 && indexOf(sql, "UPDATE", "grd_memos") < select,
                        "the moved memo is updated before the lazy SELECT: " + sql.lines());
            }
            assertTrue(Athanor.inspect(added).isPersistent());
            assertFalse(s.isModified(moved));
            s.commit();
        }
        assertEquals(List.of(List.of("n0", str(seed.g1.id)), List.of("n1", str(seed.g1.id)),
                List.of("n2", str(seed.g1.id)), List.of("n3", str(seed.g1.id))),
                rows(engine, "SELECT body, guild_id FROM grd_memos ORDER BY body"));
    }

    @Test
    void lazyLoadUnderNoAutoflushDoesNotFlush() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Memo added = new Memo("n0");
            added.guildId = a.id;
            s.add(added);
            try (var block = s.noAutoflush(); SqlCapture sql = SqlCapture.start()) {
                assertEquals(List.of("n1", "n2"), a.memos.stream().map(n -> n.body).toList());
                assertEquals(List.of(), GuardModel.statements(sql, "INSERT", "grd_memos"), sql.lines().toString());
            }
            assertTrue(Athanor.inspect(added).isPending());
        }
    }

    @Test
    /**
     * SQLAlchemy's lazy loader looks the key up in the identity map first and autoflushes only when it
     * emits a SELECT: no SQL runs and the pending guest stays pending.
     */
    void aManyToOneFoundInTheIdentityMapDoesNotAutoflush() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Member m1 = s.get(Member.class, seed.m1.id);
            assertTrue(Athanor.inspect(m1).unloadedAttributes().contains("guild"));
            Guest pending = new Guest("p");
            s.add(pending);
            try (SqlCapture sql = SqlCapture.start()) {
                assertSame(a, m1.guild);
                assertEquals(List.of(), sql.lines(), "no SQL");
            }
            assertTrue(Athanor.inspect(pending).isPending());
        }
    }

    @Test
    void bulkUpdateReachesPendingRows() {
        try (Session s = sessions.open()) {
            Guest pending = new Guest("p");
            s.add(pending);
            try (SqlCapture sql = SqlCapture.start()) {
                int count = s.execute(update(Guest.class).where(Guest_.name.eq("p")).set(Guest_.name, "q")).rowCount();
                assertEquals(1, count, "the UPDATE matched the flushed row: " + sql.lines());
                int insert = indexOf(sql, "INSERT", "grd_guests");
                assertTrue(insert >= 0 && insert < indexOf(sql, "UPDATE", "grd_guests"), "autoflush first: " + sql.lines());
            }
            assertTrue(Athanor.inspect(pending).isPersistent());
            assertEquals("q", pending.name, "synchronized in memory");
            s.commit();
        }
        assertEquals(List.of(List.of("q"), List.of("u1"), List.of("u2"), List.of("u3")),
                rows(engine, "SELECT name FROM grd_guests ORDER BY name"));
    }

    @Test
    void bulkDeleteReachesPendingRows() {
        try (Session s = sessions.open()) {
            Guest pending = new Guest("p");
            s.add(pending);
            try (SqlCapture sql = SqlCapture.start()) {
                int count = s.execute(delete(Guest.class).where(Guest_.name.eq("p"))).rowCount();
                assertEquals(1, count, "the DELETE matched the flushed row: " + sql.lines());
                int insert = indexOf(sql, "INSERT", "grd_guests");
                assertTrue(insert >= 0 && insert < indexOf(sql, "DELETE", "grd_guests"), "autoflush first: " + sql.lines());
            }
            assertTrue(Athanor.inspect(pending).isDeleted(), "synchronized in memory");
            s.commit();
        }
        assertEquals(List.of(List.of("u1"), List.of("u2"), List.of("u3")),
                rows(engine, "SELECT name FROM grd_guests ORDER BY name"));
    }

    static String str(Object o) {
        return String.valueOf(o);
    }
}
