package io.athanor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.StaleDataException;
import io.athanor.reliability.model.Bulk;
import io.athanor.reliability.model.Counter;
import io.athanor.reliability.model.Schema;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Optimistic locking under contention: 8 threads each make 1,000 attempts to increment one
 * {@code @Version}ed row, each attempt in a session of its own. A loser sees
 * {@link StaleDataException} and counts a failure; at the end the counter equals the number of
 * successful commits (no lost update) and the version moved once per success. A session used by
 * two threads at once fails fast with ATHANOR-2002.
 */
@AllDatabases
class ConcurrencyTest {
    static final int THREADS = 8;

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        SqlCapture.silence();
        engine = Schema.engine(db);
        Schema.clean(engine, "rel_counter");
        Schema.clean(engine, "rel_bulk");
        sessions = Schema.sessions(engine);
    }

    @Test
    void optimisticIncrementsLoseNothing() throws Exception {
        int attempts = Integer.getInteger("reliability.increments", 1000);
        long id;
        int version0;
        try (Session s = sessions.open()) {
            Counter c = new Counter();
            s.add(c);
            s.flush();
            id = c.id;
            version0 = c.version;
            s.commit();
        }
        AtomicLong successes = new AtomicLong();
        AtomicLong stale = new AtomicLong();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < attempts; i++) {
                    try (Session s = sessions.open()) {
                        Counter c = s.get(Counter.class, id);
                        c.hits++;
                        s.commit();
                        successes.incrementAndGet();
                    } catch (StaleDataException e) {
                        if (!e.getMessage().startsWith("ATHANOR-2022")) {
                            unexpected.add(e);
                        }
                        stale.incrementAndGet();
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "the increments finish");
        for (Future<?> f : done) {
            f.get();
        }
        if (!unexpected.isEmpty()) {
            AssertionError e = new AssertionError(unexpected.size() + " attempts failed with something else than "
                    + "StaleDataException; the first: " + unexpected.peek());
            unexpected.forEach(e::addSuppressed);
            throw e;
        }
        assertEquals((long) THREADS * attempts, successes.get() + stale.get());
        try (Connection c = Faults.observer(db)) {
            assertEquals(successes.get(), Faults.count(c, "SELECT hits FROM rel_counter WHERE id = ?", id),
                    "the counter equals the successful commits");
            assertEquals(version0 + successes.get(), Faults.count(c, "SELECT version FROM rel_counter WHERE id = ?", id),
                    "one version per successful commit");
        }
        System.out.println("[reliability] optimistic increments on " + db + ": " + successes + " committed, " + stale
                + " stale of " + THREADS * attempts);
    }

    @Test
    void aSessionSharedAcrossThreadsFailsFast() throws Exception {
        long id;
        try (Session s = sessions.open()) {
            Bulk b = new Bulk(1, "shared");
            s.add(b);
            s.flush();
            id = b.id;
            s.commit();
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection admin = Faults.observer(db); Connection locker = db.dataSource().getConnection();
             Session shared = sessions.open()) {
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.executeUpdate("UPDATE rel_bulk SET payload = 'locked' WHERE id = " + id);
            }
            Bulk b = shared.get(Bulk.class, id);
            long backend = Faults.backendId(db.kind(), shared.connection());
            b.payload = "first thread";
            Future<?> flushing = other.submit(() -> {
                shared.flush(); // blocks on the row lock, inside the session
                return null;
            });
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!Faults.waitingForLock(db.kind(), admin, backend)) {
                if (flushing.isDone()) {
                    flushing.get(); // surfaces what ended the flush early
                    throw new AssertionError("the flush ended without waiting for the row lock held by another "
                            + "transaction (backend " + backend + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("backend " + backend + " never waited for the lock; server activity: "
                            + Faults.activity(db.kind(), admin));
                }
                Thread.onSpinWait();
            }
            long t0 = System.nanoTime();
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> shared.add(new Bulk(2, "x")));
            assertTrue(e.getMessage().startsWith("ATHANOR-2002"), e.getMessage());
            assertThrows(InvalidRequestException.class, shared::commit);
            assertThrows(InvalidRequestException.class, () -> shared.get(Bulk.class, id));
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "fails fast, without waiting for the other thread");
            locker.rollback();
            flushing.get(30, TimeUnit.SECONDS);
            shared.commit(); // the other thread left: this one may use it now
            assertEquals(List.of("first thread"), Faults.strings(admin, "SELECT payload FROM rel_bulk WHERE id = ?", id));
        } finally {
            other.shutdownNow();
            assertTrue(other.awaitTermination(30, TimeUnit.SECONDS), "the flushing thread ends");
        }
    }
}
