package io.athanor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.AthanorException;
import io.athanor.DatabaseException;
import io.athanor.Engine;
import io.athanor.InstanceState;
import io.athanor.PendingRollbackException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.reliability.model.Bulk;
import io.athanor.reliability.model.Schema;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Faults in the middle of a transaction: a connection killed during a large flush (randomised kill
 * point, hundreds of trials), a statement timeout, a deadlock victim, an exhausted pool. Each time
 * the error reaches the caller as an Athanor exception with an id, the database holds none of the
 * failed transaction's rows, the session follows SQLAlchemy's rollback rules (pending become
 * transient, persistent expire, {@link PendingRollbackException} until {@code rollback()}), and the
 * next transaction works. Waiting is done by polling the server's activity views with a bound,
 * never by sleeping.
 */
@AllDatabases
class FaultsTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        SqlCapture.silence();
        engine = Schema.engine(db);
        Schema.clean(engine, "rel_bulk");
        sessions = Schema.sessions(engine);
    }

    /** The failed-flush contract on a session whose flush just raised. */
    static void assertRolledBackSession(Session s, List<Bulk> added, Bulk persistent) {
        assertFalse(s.isActive(), "the failed flush left the transaction inactive");
        for (Bulk b : added) {
            assertTrue(Athanor.inspect(b).isTransient(), "pending/inserted instances are transient again");
        }
        if (persistent != null) {
            InstanceState st = Athanor.inspect(persistent);
            assertTrue(st.isPersistent(), "the loaded instance stays persistent");
            assertTrue(st.unloadedAttributes().contains("payload"), "and expired: " + st.unloadedAttributes());
        }
        s.add(new Bulk(-1, "while inactive")); // (a flush with nothing to do returns at once, as in SQLAlchemy)
        for (int i = 0; i < 2; i++) {
            PendingRollbackException e = assertThrows(PendingRollbackException.class, s::flush,
                    "again and again until rollback()");
            assertTrue(e.getMessage().startsWith("ATHANOR-3001"), e.getMessage());
        }
    }

    static void assertAthanorError(Throwable e) {
        assertInstanceOf(AthanorException.class, e, "an Athanor exception");
        assertTrue(e instanceof DatabaseException || e instanceof io.athanor.InvalidRequestException,
                "a DatabaseException or InvalidRequestException: " + e);
        assertTrue(e.getMessage().startsWith("ATHANOR-"), "with an id: " + e.getMessage());
    }

    // ---- a connection killed in the middle of a large flush ---------------------------------------

    static final Map<io.athanor.testsupport.TestDatabase, int[]> KILLS = new EnumMap<>(io.athanor.testsupport.TestDatabase.class);

    @Test
    void connectionKilledDuringALargeFlushLosesOrHalfWritesNothing() throws Exception {
        // In-memory H2 has no server to lose: its ABORT_SESSION corrupts the embedded MVStore
        // ("an old transaction with the same id is still open"), which says nothing about Athanor.
        org.junit.jupiter.api.Assumptions.assumeTrue(db.kind() != io.athanor.testsupport.TestDatabase.H2,
                "a killed connection needs a server");
        int trials = Integer.getInteger("reliability.kill.trials", 200);
        long persistentId = Faults.committedRow(sessions, "before");
        Random random = new Random(Long.getLong("reliability.seed", System.nanoTime()));
        int[] outcomes = new int[3]; // failed in flush, failed at commit, committed
        ExecutorService killer = Executors.newSingleThreadExecutor();
        try (Connection admin = Faults.observer(db)) {
            for (int trial = 1; trial <= trials; trial++) {
                int rows = 50 + random.nextInt(1200);
                int polls = random.nextInt(40);
                String where = "trial " + trial + " (" + rows + " rows, kill after " + polls + " polls)";
                Session s = sessions.open();
                try {
                    Bulk persistent = s.get(Bulk.class, persistentId);
                    long backend = Faults.backendId(db.kind(), s.connection());
                    List<Bulk> added = new ArrayList<>();
                    for (int i = 0; i < rows; i++) {
                        added.add(new Bulk(trial, "row " + i + " of trial " + trial));
                    }
                    persistent.payload = "trial " + trial;
                    s.addAll(added);
                    CountDownLatch go = new CountDownLatch(1);
                    Future<?> kill = killer.submit(() -> {
                        go.await();
                        for (int p = 0; p < polls && Faults.alive(db.kind(), admin, backend); p++) {
                            Thread.onSpinWait();
                        }
                        Faults.kill(db.kind(), admin, backend);
                        return null;
                    });
                    int outcome;
                    go.countDown();
                    try {
                        s.flush();
                    } catch (RuntimeException e) {
                        assertAthanorError(e);
                        kill.get(30, TimeUnit.SECONDS);
                        assertRolledBackSession(s, added, persistent);
                        outcomes[0]++;
                        outcome = 0;
                        s.rollback();
                        assertEquals(0, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = ?", trial),
                                "no row of the failed transaction: " + where);
                        assertNextTransactionWorks(s, admin, trial, persistentId);
                        continue;
                    }
                    kill.get(30, TimeUnit.SECONDS);
                    try {
                        s.commit();
                        outcome = 2;
                    } catch (RuntimeException e) {
                        assertAthanorError(e);
                        outcome = 1;
                        s.rollback();
                    }
                    outcomes[outcome]++;
                    long written = Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = ?", trial);
                    if (outcome == 2) {
                        assertEquals(rows, written, "a commit that returned keeps every row: " + where);
                    } else {
                        assertTrue(written == 0, "a failed commit leaves no row: " + written + ", " + where);
                    }
                    assertNextTransactionWorks(s, admin, trial, persistentId);
                } finally {
                    s.close();
                }
            }
        } finally {
            killer.shutdownNow();
        }
        System.out.println("[reliability] connection kills on " + db + ": " + trials + " trials: " + outcomes[0]
                + " during the flush, " + outcomes[1] + " at COMMIT, " + outcomes[2] + " after the commit");
        assertTrue(outcomes[0] >= trials / 10, "the randomised kill lands in the flush often enough: " + outcomes[0]);
    }

    /** The same session begins a new transaction on a healthy connection, writes and commits. */
    void assertNextTransactionWorks(Session s, Connection admin, int trial, long persistentId) throws SQLException {
        Bulk after = new Bulk(-trial, "after trial " + trial);
        s.add(after);
        Bulk persistent = s.get(Bulk.class, persistentId);
        assertNotNull(persistent);
        s.commit();
        assertEquals(1, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = ?", -trial));
        try (Statement st = admin.createStatement()) {
            st.executeUpdate("DELETE FROM rel_bulk WHERE batch <> 0");
        }
    }

    // ---- a statement timeout -----------------------------------------------------------------------

    @Test
    void statementTimeoutRollsTheTransactionBack() throws Exception {
        long lockedId = Faults.committedRow(sessions, "locked");
        long otherId = Faults.committedRow(sessions, "other");
        try (Engine own = Faults.ownEngine(db, 2, 5_000); Connection admin = Faults.observer(db);
             Connection locker = db.dataSource().getConnection()) {
            SqlCapture.silence();
            SessionMaker mine = Schema.sessions(own);
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.executeUpdate("UPDATE rel_bulk SET payload = 'held' WHERE id = " + lockedId);
            }
            try (Session s = mine.open()) {
                try (Statement st = s.connection().createStatement()) {
                    st.execute(Faults.statementTimeout(db.kind(), 300));
                }
                Bulk other = s.get(Bulk.class, otherId);
                Bulk locked = s.get(Bulk.class, lockedId);
                List<Bulk> added = List.of(new Bulk(7, "a"), new Bulk(7, "b"));
                s.addAll(added);
                s.flush();
                other.payload = "changed";
                locked.payload = "changed";
                RuntimeException e = assertThrows(RuntimeException.class, s::flush);
                assertAthanorError(e);
                assertRolledBackSession(s, added, other);
                s.rollback();
                locker.rollback();
                assertEquals(0, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = 7"));
                assertEquals(List.of("other"), Faults.strings(admin, "SELECT payload FROM rel_bulk WHERE id = ?", otherId));
                if (db.kind() != io.athanor.testsupport.TestDatabase.POSTGRESQL) {
                    try (Statement st = s.connection().createStatement()) {
                        st.execute(Faults.statementTimeout(db.kind(),
                                db.kind() == io.athanor.testsupport.TestDatabase.H2 ? 10_000 : 0));
                    }
                }
                locked.payload = "after";
                s.add(new Bulk(8, "next"));
                s.commit();
            }
            assertEquals(List.of("after"), Faults.strings(admin, "SELECT payload FROM rel_bulk WHERE id = ?", lockedId));
            assertEquals(1, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = 8"));
        }
    }

    // ---- a deadlock victim ---------------------------------------------------------------------------

    @Test
    void deadlockVictimRollsBackAndItsRetrySucceeds() throws Exception {
        long a = Faults.committedRow(sessions, "a0");
        long b = Faults.committedRow(sessions, "b0");
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger victims = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection admin = Faults.observer(db)) {
            Future<?> one = pool.submit(() -> updateBoth("one", a, b, bothHoldOne, victims));
            Future<?> two = pool.submit(() -> updateBoth("two", b, a, bothHoldOne, victims));
            one.get(60, TimeUnit.SECONDS);
            two.get(60, TimeUnit.SECONDS);
            if (db.kind() == io.athanor.testsupport.TestDatabase.H2) {
                // H2 reports the cycle to every waiter that finds it, so both sessions may be victims
                assertTrue(victims.get() >= 1, "a deadlock victim: " + victims.get());
            } else {
                assertEquals(1, victims.get(), "exactly one deadlock victim");
            }
            List<String> payloads = Faults.strings(admin, "SELECT payload FROM rel_bulk WHERE id IN (?, ?)", a, b);
            assertEquals(2, payloads.size());
            assertEquals(payloads.get(0), payloads.get(1), "both rows from the same (last) transaction: " + payloads);
        } finally {
            pool.shutdownNow();
        }
    }

    private Void updateBoth(String name, long first, long second, CyclicBarrier barrier, AtomicInteger victims)
            throws Exception {
        try (Session s = sessions.open()) {
            Bulk x = s.get(Bulk.class, first);
            Bulk y = s.get(Bulk.class, second);
            x.payload = name;
            s.flush();
            barrier.await(30, TimeUnit.SECONDS);
            y.payload = name;
            try {
                s.flush();
                s.commit();
                return null;
            } catch (RuntimeException e) {
                assertAthanorError(e);
                if (db.kind() != io.athanor.testsupport.TestDatabase.H2) {
                    String state = ((DatabaseException) e).sqlState();
                    assertTrue("40P01".equals(state) || "40001".equals(state), "a deadlock: " + state + " " + e);
                }
                victims.incrementAndGet();
                assertRolledBackSession(s, List.of(), x);
                s.rollback();
            }
            x.payload = name;
            y.payload = name;
            s.commit(); // one flush writes both rows in key order: two retries cannot deadlock each other
            return null;
        }
    }

    // ---- an exhausted pool ---------------------------------------------------------------------------

    @Test
    void exhaustedPoolFailsClearlyAndRecovers() throws Exception {
        try (Engine tiny = Faults.ownEngine(db, 1, 300); Connection admin = Faults.observer(db)) {
            SqlCapture.silence();
            SessionMaker small = Schema.sessions(tiny);
            try (Session holder = small.open(); Session starved = small.open()) {
                holder.add(new Bulk(20, "holder"));
                holder.flush(); // holds the only connection
                List<Bulk> added = List.of(new Bulk(21, "starved"));
                starved.addAll(added);
                RuntimeException e = assertThrows(RuntimeException.class, starved::flush);
                assertAthanorError(e);
                assertTrue(e.getMessage().contains("connection"), e.getMessage());
                assertRolledBackSession(starved, added, null);
                starved.rollback();
                holder.commit(); // gives the connection back
                starved.add(new Bulk(22, "next"));
                starved.commit();
            }
            assertEquals(1, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = 20"));
            assertEquals(0, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = 21"));
            assertEquals(1, Faults.count(admin, "SELECT COUNT(*) FROM rel_bulk WHERE batch = 22"));
            try (Session again = small.open()) {
                again.add(new Bulk(23, "no connection leaked"));
                again.commit();
            }
        }
    }
}
