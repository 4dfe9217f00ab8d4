package io.athanor.core.guards;

import static io.athanor.core.guards.GuardModel.rows;
import static io.athanor.core.guards.GuardModel.statements;
import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.sql.Sync;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A query whose row is an instance already loaded in the session returns that instance and leaves
 * its loaded attributes alone, whatever the row says (SQLAlchemy's identity map wins; only
 * {@code populate_existing} would overwrite, and Athanor has no such option yet, so only this half is
 * tested). The rows are changed inside the session's own transaction, by a bulk UPDATE with
 * {@code Sync.NONE}, so every database's isolation level shows the query the new values.
 */
@AllDatabases
class IdentityMapWinsTest {
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
    void aQueryDoesNotOverwriteLoadedAttributesWithTheRow() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Memo n1 = s.get(Memo.class, seed.n1.id);
            s.execute(update(Guild.class).set(Guild_.name, "renamed").synchronize(Sync.NONE));
            s.execute(update(Memo.class).set(Memo_.body, "rewritten").synchronize(Sync.NONE));
            try (SqlCapture sql = SqlCapture.start()) {
                List<Guild> guilds = s.scalars(select(Guild.class).orderBy(Guild_.id)).all();
                assertEquals(1, statements(sql, "SELECT", "grd_guilds").size(), "the rows were read: " + sql.lines());
                assertSame(a, guilds.get(0), "one instance per identity");
                assertEquals("g1", a.name, "the loaded value wins over the row's 'renamed'");
                assertEquals("renamed", guilds.get(1).name, "an instance new to the session takes the row");
                List<Memo> memos = s.scalars(select(Memo.class).where(Memo_.id.eq(seed.n1.id))).all();
                assertSame(n1, memos.get(0));
                assertEquals("n1", n1.body);
            }
            assertEquals("renamed", s.execute(select(Guild_.name).where(Guild_.id.eq(seed.g1.id))).scalar(),
                    "the row does hold the new value");
            assertFalse(s.isModified(a), "nothing to write back");
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(0, sql.count("UPDATE"), sql.lines().toString());
            }
        }
        assertEquals(List.of(List.of("renamed"), List.of("renamed")), rows(engine, "SELECT name FROM grd_guilds"));
    }

    @Test
    void aQueryUnderNoAutoflushKeepsUnflushedChanges() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            a.name = "mine";
            try (var block = s.noAutoflush(); SqlCapture sql = SqlCapture.start()) {
                Guild again = s.scalars(select(Guild.class).where(Guild_.id.eq(seed.g1.id))).one();
                assertEquals(1, statements(sql, "SELECT", "grd_guilds").size(), sql.lines().toString());
                assertEquals(0, sql.count("UPDATE"), "no autoflush: " + sql.lines());
                assertSame(a, again);
                assertEquals("mine", a.name, "the row's 'g1' does not overwrite the change");
                assertTrue(s.isModified(a));
            }
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(1, statements(sql, "UPDATE", "grd_guilds").size(), sql.lines().toString());
            }
        }
        assertEquals(List.of(List.of("g2"), List.of("mine")), rows(engine, "SELECT name FROM grd_guilds ORDER BY name"));
    }
}
