package io.athanor.reliability;

import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.DatabaseException;
import io.athanor.Engine;
import io.athanor.InstanceState;
import io.athanor.PendingRollbackException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.SessionTransaction;
import io.athanor.reliability.model.Bulk;
import io.athanor.reliability.model.Schema;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The connection dies under a savepoint: killed just before {@code ROLLBACK TO SAVEPOINT}, around it (a
 * randomised kill from a second connection while the nested transaction rolls back), or during the nested
 * flush. The database ends the whole transaction with the connection, so, as in SQLAlchemy, the whole session
 * transaction is gone: the caller gets an Athanor exception with an id, every enclosing transaction is
 * inactive and refuses work with {@link PendingRollbackException} until {@code session.rollback()}, the
 * session's memory is rolled back as after a failed flush, the database holds none of the transaction's rows,
 * and the next transaction works.
 */
@AllDatabases
class SavepointConnectionLostTest {
    @Parameter
    DatabaseHandle db;

    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        // In-memory H2 has no server to lose: ABORT_SESSION inside a transaction corrupts its embedded store
        // (see FaultsTest), which says nothing about Athanor.
        Assumptions.assumeTrue(db.kind() != TestDatabase.H2, "a connection lost in a transaction needs a server");
        SqlCapture.silence();
        Engine engine = Schema.engine(db);
        Schema.clean(engine, "rel_bulk");
        sessions = Schema.sessions(engine);
    }

    /** A transaction with a loaded row changed, two rows flushed outside the savepoint and more inside it. */
    final class Scene implements AutoCloseable {
        final Session s = sessions.open();
        final Bulk persistent;
        final List<Bulk> outer = new ArrayList<>();
        final List<Bulk> inner = new ArrayList<>();
        final SessionTransaction savepoint;
        final long backend;
        final int batch;

        Scene(long persistentId, int batch, int innerRows, boolean flushInner) throws SQLException {
            this.batch = batch;
            persistent = s.get(Bulk.class, persistentId);
            persistent.payload = "outer " + batch;
            outer.add(new Bulk(batch, "outer a"));
            outer.add(new Bulk(batch, "outer b"));
            s.addAll(outer);
            savepoint = s.beginNested(); // flushes the outer changes
            for (int i = 0; i < innerRows; i++) {
                inner.add(new Bulk(batch, "inner " + i));
            }
            s.addAll(inner);
            if (flushInner) {
                s.flush();
            }
            backend = Faults.backendId(db.kind(), s.connection());
        }

        @Override
        public void close() {
            s.close();
        }
    }

    @Test
    void connectionKilledJustBeforeRollbackToSavepoint() throws Exception {
        long persistentId = Faults.committedRow(sessions, "before");
        try (Connection admin = Faults.observer(db); Scene scene = new Scene(persistentId, 40, 3, true)) {
            Faults.killAndAwait(db.kind(), admin, scene.backend);
            DatabaseException e = assertThrows(DatabaseException.class, scene.savepoint::rollback);
            assertLostDuringRollbackToSavepoint(e);
            assertWholeTransactionGone(scene);
            scene.s.rollback();
            assertNothingWritten(admin, scene.batch, persistentId);
            assertNextTransactionWorks(scene.s, admin, scene.batch, persistentId);
        }
    }

    @Test
    void connectionKilledInNestedSavepointsEndsEveryEnclosingOne() throws Exception {
        long persistentId = Faults.committedRow(sessions, "before");
        try (Connection admin = Faults.observer(db); Scene scene = new Scene(persistentId, 41, 2, true)) {
            Bulk deeper = new Bulk(41, "deeper");
            SessionTransaction second = scene.s.beginNested();
            scene.s.add(deeper);
            scene.s.flush();
            Faults.killAndAwait(db.kind(), admin, scene.backend);
            assertLostDuringRollbackToSavepoint(assertThrows(DatabaseException.class, second::rollback));
            assertTrue(Athanor.inspect(deeper).isTransient());
            assertFalse(scene.savepoint.isActive(), "the enclosing savepoint ended with the connection");
            assertPendingRollback(scene.s);
            scene.savepoint.rollback(); // it is inactive: no SQL, nothing raised (SQLAlchemy closes it quietly)
            assertWholeTransactionGone(scene);
            scene.s.rollback();
            assertNothingWritten(admin, scene.batch, persistentId);
            assertNextTransactionWorks(scene.s, admin, scene.batch, persistentId);
        }
    }

    @Test
    void connectionKilledBeforeANestedFlush() throws Exception {
        long persistentId = Faults.committedRow(sessions, "before");
        try (Connection admin = Faults.observer(db); Scene scene = new Scene(persistentId, 42, 5, false)) {
            Faults.killAndAwait(db.kind(), admin, scene.backend);
            DatabaseException e = assertThrows(DatabaseException.class, scene.s::flush);
            FaultsTest.assertAthanorError(e);
            assertWholeTransactionGone(scene);
            scene.savepoint.close(); // as try-with-resources does: an inactive savepoint closes quietly
            assertPendingRollback(scene.s);
            PendingRollbackException commit = assertThrows(PendingRollbackException.class, scene.s::commit,
                    "the outer transaction can't commit what the database already rolled back");
            assertTrue(commit.getMessage().startsWith("ATHANOR-3017"), commit.getMessage());
            scene.s.rollback();
            assertNothingWritten(admin, scene.batch, persistentId);
            assertNextTransactionWorks(scene.s, admin, scene.batch, persistentId);
        }
    }

    @Test
    void connectionKilledBeforeReleaseSavepointLeavesRollbackWorking() throws Exception {
        long persistentId = Faults.committedRow(sessions, "before");
        try (Connection admin = Faults.observer(db); Scene scene = new Scene(persistentId, 43, 2, true)) {
            Faults.killAndAwait(db.kind(), admin, scene.backend);
            FaultsTest.assertAthanorError(assertThrows(DatabaseException.class, scene.savepoint::commit));
            scene.s.rollback(); // what the caller does next: it rolls back everything, and does not raise
            assertFalse(scene.s.inTransaction());
            for (Bulk b : scene.outer) {
                assertTrue(Athanor.inspect(b).isTransient());
            }
            assertNothingWritten(admin, scene.batch, persistentId);
            assertNextTransactionWorks(scene.s, admin, scene.batch, persistentId);
        }
    }

    /**
     * A second connection kills the session's while it rolls back to the savepoint, after a random number of
     * polls of the server's activity view: before, during or after the ROLLBACK TO SAVEPOINT. Whenever it
     * lands, no row of the transaction stays and the session recovers with {@code rollback()}.
     */
    @Test
    void connectionKilledAroundRollbackToSavepoint() throws Exception {
        int trials = Math.max(10, Integer.getInteger("reliability.kill.trials", 200) / 4);
        long persistentId = Faults.committedRow(sessions, "before");
        Random random = new Random(Long.getLong("reliability.seed", System.nanoTime()));
        int lostInRollback = 0;
        ExecutorService killer = Executors.newSingleThreadExecutor();
        try (Connection admin = Faults.observer(db)) {
            for (int trial = 1; trial <= trials; trial++) {
                int batch = 100 + trial;
                int innerRows = 20 + random.nextInt(800);
                int polls = random.nextInt(12);
                try (Scene scene = new Scene(persistentId, batch, innerRows, true)) {
                    String where = "trial " + trial + " (" + innerRows + " rows in the savepoint, kill after "
                            + polls + " polls)";
                    CountDownLatch go = new CountDownLatch(1);
                    Future<?> kill = killer.submit(() -> {
                        go.await();
                        for (int p = 0; p < polls && Faults.alive(db.kind(), admin, scene.backend); p++) {
                            Thread.onSpinWait();
                        }
                        Faults.kill(db.kind(), admin, scene.backend);
                        return null;
                    });
                    go.countDown();
                    boolean rolledBack;
                    try {
                        scene.savepoint.rollback();
                        rolledBack = true;
                    } catch (DatabaseException e) {
                        assertLostDuringRollbackToSavepoint(e);
                        rolledBack = false;
                        lostInRollback++;
                    }
                    kill.get(30, TimeUnit.SECONDS);
                    Faults.awaitGone(db.kind(), admin, scene.backend);
                    if (rolledBack) {
                        // the savepoint rolled back first: the outer transaction then finds its connection dead
                        assertTrue(scene.inner.stream().allMatch(b -> Athanor.inspect(b).isTransient()), where);
                        FaultsTest.assertAthanorError(assertThrows(RuntimeException.class, scene.s::commit, where));
                    } else {
                        assertWholeTransactionGone(scene);
                    }
                    scene.s.rollback();
                    assertNothingWritten(admin, batch, persistentId);
                    assertNextTransactionWorks(scene.s, admin, batch, persistentId);
                }
            }
        } finally {
            killer.shutdownNow();
        }
        System.out.println("[reliability] kills around ROLLBACK TO SAVEPOINT on " + db + ": " + trials + " trials: "
                + lostInRollback + " lost the connection in it, " + (trials - lostInRollback) + " after it");
    }

    // ---- what every scenario checks ------------------------------------------------------------

    static void assertLostDuringRollbackToSavepoint(DatabaseException e) {
        FaultsTest.assertAthanorError(e);
        assertTrue(e.getMessage().startsWith("ATHANOR-3016: the connection to Engine["), e.getMessage());
        assertTrue(e.getMessage().contains("was lost during ROLLBACK TO SAVEPOINT"), e.getMessage());
        assertTrue(e.getMessage().contains("call session.rollback()"), e.getMessage());
    }

    /** The session after the loss: its transaction inactive, its memory rolled back, refusing work. */
    static void assertWholeTransactionGone(Scene scene) {
        Session s = scene.s;
        assertFalse(s.isActive(), "the session's transaction is inactive");
        for (Bulk b : scene.inner) {
            assertTrue(Athanor.inspect(b).isTransient(), "rows inserted in the savepoint are transient again");
        }
        for (Bulk b : scene.outer) {
            assertTrue(Athanor.inspect(b).isTransient(), "rows inserted before the savepoint are transient again");
        }
        InstanceState st = Athanor.inspect(scene.persistent);
        assertTrue(st.isPersistent(), "the loaded row stays persistent");
        assertTrue(st.unloadedAttributes().contains("payload"), "and expired: " + st.unloadedAttributes());
        assertPendingRollback(s);
    }

    static void assertPendingRollback(Session s) {
        for (int i = 0; i < 2; i++) {
            PendingRollbackException e = assertThrows(PendingRollbackException.class,
                    () -> s.scalars(select(Bulk.class)).all(), "no SQL until rollback()");
            assertTrue(e.getMessage().startsWith("ATHANOR-3017: this session's transaction ended with its connection"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("call session.rollback()"), e.getMessage());
        }
    }

    static void assertNothingWritten(Connection admin, int batch, long persistentId) throws SQLException {
        assertEquals(0, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = ?", batch),
                "no row of the lost transaction");
        assertEquals(List.of("before"), Faults.strings(admin, "SELECT payload FROM rel_bulk WHERE id = ?", persistentId),
                "the change to the loaded row is gone");
    }

    /** The same session begins a new transaction on a healthy connection, writes, commits. */
    static void assertNextTransactionWorks(Session s, Connection admin, int batch, long persistentId)
            throws SQLException {
        s.add(new Bulk(-batch, "after"));
        Bulk persistent = s.get(Bulk.class, persistentId);
        assertEquals("before", persistent.payload);
        try (SessionTransaction sp = s.beginNested()) {
            s.add(new Bulk(-batch, "inside a savepoint"));
            sp.rollback();
        }
        s.commit();
        assertEquals(List.of("after"), Faults.strings(admin, "SELECT payload FROM rel_bulk WHERE batch = ?", -batch));
    }
}
