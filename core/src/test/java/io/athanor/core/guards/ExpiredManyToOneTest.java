package io.athanor.core.guards;

import static io.athanor.core.guards.GuardModel.rows;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** An expired many-to-one loads from the row's foreign key, not from the stale value the expired column held. */
@AllDatabases
class ExpiredManyToOneTest {
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
    @Disabled("bug: after rollback() expires a child whose foreign key a flush had set to NULL, reading its many-to-one "
            + "returns null although the row (and the column, once read) holds the parent's key: the lazy many-to-one "
            + "is resolved from the expired column's stale in-memory value instead of loading the column first "
            + "(found by RelationshipModelTest; SQLAlchemy loads the expired attributes, then the parent)")
    void aManyToOneExpiredByRollbackLoadsTheRowsParent() {
        try (Session s = sessions.open()) {
            Guild a = s.get(Guild.class, seed.g1.id);
            Guest u1 = a.guests.get(0);
            assertSame(a, u1.guild);
            a.guests.remove(u1);
            s.flush();
            assertNull(u1.guildId);
            s.rollback();
            assertTrue(Athanor.inspect(u1).unloadedAttributes().containsAll(List.of("guildId", "guild")));
            assertSame(a, u1.guild, "the row says guild " + seed.g1.id);
            assertEquals(seed.g1.id, u1.guildId);
        }
        assertEquals(List.of(List.of(String.valueOf(seed.g1.id))),
                rows(engine, "SELECT guild_id FROM grd_guests WHERE name = 'u1'"));
    }
}
