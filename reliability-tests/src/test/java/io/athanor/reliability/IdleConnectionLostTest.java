package io.athanor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.reliability.model.Bulk;
import io.athanor.reliability.model.Schema;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A pooled connection that the server ended while it sat idle in the engine's pool (PostgreSQL
 * {@code pg_terminate_backend}, MariaDB {@code KILL}, H2 {@code ABORT_SESSION}) is validated on borrow and
 * replaced: the next sessions never see it ({@code athanor.pool.pre-ping}, on by default). Without the check
 * the dead connection fails one transaction, and the pool drops it.
 */
@AllDatabases
class IdleConnectionLostTest {
    @Parameter
    DatabaseHandle db;

    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        SqlCapture.silence();
        Schema.clean(Schema.engine(db), "rel_bulk");
    }

    @Test
    void connectionKilledWhileIdleIsReplacedOnBorrow() throws Exception {
        try (Engine own = Faults.ownEngine(db, 1, 5_000); Connection admin = Faults.observer(db)) {
            sessions = Schema.sessions(own);
            long killed = backendOfACommittedSession(1);
            Faults.killAndAwait(db.kind(), admin, killed);

            long next = backendOfACommittedSession(2); // the only connection of the pool was the dead one
            assertTrue(next != killed, "a new connection: " + next);
            assertEquals(2, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch IN (1, 2)"));
        }
    }

    @Test
    void everyIdleConnectionKilledIsReplacedOnBorrow() throws Exception {
        int size = 3;
        try (Engine own = Faults.ownEngine(db, size, 5_000); Connection admin = Faults.observer(db)) {
            sessions = Schema.sessions(own);
            List<Session> held = new ArrayList<>();
            Set<Long> backends = new TreeSet<>();
            try {
                for (int i = 0; i < size; i++) { // held at once: the pool opens `size` connections
                    Session s = sessions.open();
                    held.add(s);
                    s.add(new Bulk(10, "held " + i));
                    s.flush();
                    backends.add(Faults.backendId(db.kind(), s.connection()));
                }
                for (Session s : held) {
                    s.commit();
                }
            } finally {
                held.forEach(Session::close);
            }
            assertEquals(size, backends.size(), "one connection a session");
            for (long id : backends) {
                Faults.killAndAwait(db.kind(), admin, id);
            }

            held.clear();
            try {
                for (int i = 0; i < size; i++) {
                    Session s = sessions.open();
                    held.add(s);
                    s.add(new Bulk(11, "after " + i));
                    s.flush();
                    long backend = Faults.backendId(db.kind(), s.connection());
                    assertFalse(backends.contains(backend), "a killed connection was handed out: " + backend);
                }
                for (Session s : held) {
                    s.commit();
                }
            } finally {
                held.forEach(Session::close);
            }
            assertEquals(size, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = 11"));
        }
    }

    @Test
    void withoutPrePingTheDeadConnectionFailsOneTransaction() throws Exception {
        java.util.Properties props = db.properties();
        props.setProperty("athanor.pool.max-size", "1");
        props.setProperty("athanor.pool.pre-ping", "false");
        try (Engine own = Engine.create(db.jdbcUrl(), props); Connection admin = Faults.observer(db)) {
            sessions = Schema.sessions(own);
            Faults.killAndAwait(db.kind(), admin, backendOfACommittedSession(3));
            RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> backendOfACommittedSession(4), "the dead connection reaches the session");
            FaultsTest.assertAthanorError(e);
            backendOfACommittedSession(5); // the pool dropped it after the error
            assertEquals(0, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = 4"));
            assertEquals(1, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = 5"));
        }
    }

    /** Writes one row of {@code batch} in a session that commits; the backend its connection had. */
    private long backendOfACommittedSession(int batch) throws SQLException {
        try (Session s = sessions.open()) {
            s.add(new Bulk(batch, "batch " + batch));
            s.flush();
            long backend = Faults.backendId(db.kind(), s.connection());
            s.commit();
            return backend;
        }
    }
}
