package io.athanor.ext.asyncio;

import static io.athanor.ext.asyncio.Await.await;
import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Row;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.JdbcProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * stream() over a database cursor: rows arrive while the cursor is open, at most one partition is
 * read ahead of the subscriber, cancel closes the cursor, and the session stays usable throughout.
 */
@AllDatabases
class AsyncStreamTest {
    static final int WRITERS = 250;
    static final int YIELD_PER = 10;

    @Parameter
    DatabaseHandle db;

    JdbcProbe probe;
    AsyncSessionMaker sessions;

    @BeforeEach
    void setUp() {
        Engine engine = AsyncModel.freshEngine(db);
        try (AsyncSessionMaker fill = AsyncSessionMaker.builder(AsyncModel.REGISTRY).bind(engine).build()) {
            await(fill.transaction(s -> {
                List<Writer> all = new ArrayList<>();
                for (int i = 0; i < WRITERS; i++) {
                    all.add(new Writer(String.format("w%03d", i)));
                }
                return s.addAll(all);
            }));
        }
        probe = new JdbcProbe();
        sessions = AsyncSessionMaker.builder(AsyncModel.REGISTRY).bind(Engine.of(probe.wrap(db.dataSource())))
                .expireOnCommit(false).build();
    }

    @AfterEach
    void tearDown() {
        sessions.close();
    }

    private int freeSlots() {
        return ((AsyncSessionMakerImpl) sessions).slots().available();
    }

    @Test
    void aSubscriberRequestingOneAtATimeGetsRowsWhileTheCursorIsStillOpen() {
        AsyncSession s = sessions.open();
        StepSubscriber<Writer> sub = new StepSubscriber<>();
        s.streamScalars(select(Writer.class).orderBy(Writer_.name), YIELD_PER).subscribe(sub);
        long before = probe.rowsRead();
        for (int k = 1; k <= 25; k++) {
            Writer w = sub.next();
            assertEquals(String.format("w%03d", k - 1), w.name);
            long partitions = (k + YIELD_PER - 1) / YIELD_PER;
            assertEquals(partitions * YIELD_PER, probe.rowsRead() - before,
                    "after " + k + " rows only the partitions delivered from were read");
            assertEquals(1, probe.openResultSets(), "the cursor is open while rows arrive");
            assertFalse(sub.done.isDone());
            if (k == 15) {
                // between two partitions the lane is free: the session's other operations run
                assertEquals(WRITERS, count(s));
                before += 1; // the COUNT(*) row
            }
        }
        assertEquals(YIELD_PER, probe.lastFetchSize());
        assertFalse(probe.lastAutoCommit());
        assertEquals(sessions.maxTransactions() - 1, freeSlots(), "the open stream keeps its transaction slot");

        sub.cancel();
        waitFor(() -> probe.openResultSets() == 0, "cancel closes the cursor (on the lane, soon after)");
        assertTrue(sub.items.isEmpty(), "nothing was delivered beyond the demand");
        assertFalse(sub.done.isDone(), "a cancelled stream signals nothing more");
        assertEquals(WRITERS, count(s), "the session stays usable");
        await(s.close());
        assertEquals(sessions.maxTransactions(), freeSlots());
    }

    @Test
    void readingToTheEndDeliversEveryRowAndClosesTheCursor() {
        AsyncSession s = sessions.open();
        RecordingSubscriber<Row> sub = new RecordingSubscriber<>(7);
        s.stream(text("SELECT name FROM async_writers WHERE name >= :from ORDER BY name"), Map.of("from", "w100"),
                YIELD_PER).subscribe(sub);
        awaitDone(sub);
        assertEquals(150, sub.items.size());
        assertEquals("w100", sub.items.get(0).get("name"));
        assertEquals("w249", sub.items.get(149).get(0));
        assertEquals(0, probe.openResultSets());
        await(s.close());
        assertEquals(sessions.maxTransactions(), freeSlots());
    }

    @Test
    void theSessionsCommitClosesAnOpenStreamWhichThenFails() {
        AsyncSession s = sessions.open();
        StepSubscriber<Writer> sub = new StepSubscriber<>();
        s.streamScalars(select(Writer.class).orderBy(Writer_.name), 5).subscribe(sub);
        assertEquals("w000", sub.next().name);
        await(s.commit());
        assertEquals(0, probe.openResultSets());
        sub.request(Long.MAX_VALUE);
        CompletionException e = assertThrows(CompletionException.class, sub.done::join);
        assertTrue(e.getCause() instanceof InvalidRequestException
                && e.getCause().getMessage().startsWith("ATHANOR-4052: this streamed result was closed by commit()"),
                String.valueOf(e.getCause()));
        assertEquals(4, sub.items.size(), "the rest of the partition read before the commit was still delivered");
        await(s.close());
        assertEquals(sessions.maxTransactions(), freeSlots());
    }

    @Test
    void aQueryThatFailsEndsTheStreamAndTheSessionRecovers() {
        AsyncSession s = sessions.open();
        RecordingSubscriber<Row> sub = new RecordingSubscriber<>(1);
        s.stream(text("SELECT no_such_column FROM async_writers")).subscribe(sub);
        awaitDone(sub);
        assertTrue(sub.error.getMessage().startsWith("ATHANOR-4033"), sub.error.getMessage());
        await(s.rollback());
        RecordingSubscriber<Writer> ok = new RecordingSubscriber<>(Long.MAX_VALUE);
        s.streamScalars(select(Writer.class)).subscribe(ok);
        awaitDone(ok);
        assertEquals(WRITERS, ok.items.size());
        await(s.close());
    }

    @Test
    void partitionsOfYieldPerAreOneDatabaseFetchEach() {
        AsyncSession s = sessions.open();
        StepSubscriber<List<Writer>> sub = new StepSubscriber<>();
        s.streamScalars(select(Writer.class).orderBy(Writer_.name), YIELD_PER).partitions().subscribe(sub);
        long before = probe.rowsRead();
        for (int k = 1; k <= 3; k++) {
            List<Writer> partition = sub.next();
            assertEquals(YIELD_PER, partition.size());
            assertEquals(String.format("w%03d", (k - 1) * YIELD_PER), partition.get(0).name);
            assertEquals((long) k * YIELD_PER, probe.rowsRead() - before, "one fetch per list, none ahead");
            assertEquals(1, probe.openResultSets());
        }
        sub.request(Long.MAX_VALUE);
        sub.done.join();
        assertEquals(WRITERS / YIELD_PER - 3, sub.items.size(), "the remaining lists");
        assertEquals(0, probe.openResultSets());
        await(s.close());
        assertEquals(sessions.maxTransactions(), freeSlots());
    }

    @Test
    void partitionsOfAnySizeKeepTheOrderAndEndWithTheRemainder() {
        AsyncSession s = sessions.open();
        RecordingSubscriber<List<Row>> sub = new RecordingSubscriber<>(2);
        s.stream(text("SELECT name FROM async_writers ORDER BY name"), YIELD_PER).partitions(7).subscribe(sub);
        awaitDone(sub);
        assertEquals(null, sub.error);
        assertEquals(WRITERS / 7 + 1, sub.items.size());
        for (int i = 0; i < sub.items.size() - 1; i++) {
            assertEquals(7, sub.items.get(i).size());
        }
        assertEquals(WRITERS % 7, sub.items.get(sub.items.size() - 1).size());
        List<String> names = sub.items.stream().flatMap(List::stream).map(r -> (String) r.get(0)).toList();
        assertEquals(WRITERS, names.size());
        assertEquals("w000", names.get(0));
        assertEquals("w249", names.get(WRITERS - 1));
        assertEquals(names.stream().sorted().toList(), names);

        RecordingSubscriber<List<Writer>> exact = new RecordingSubscriber<>(Long.MAX_VALUE);
        s.streamScalars(select(Writer.class), YIELD_PER).partitions(WRITERS).subscribe(exact);
        awaitDone(exact);
        assertEquals(1, exact.items.size(), "no empty list after a partition that ended exactly at the last row");
        assertEquals(WRITERS, exact.items.get(0).size());
        assertEquals(0, probe.openResultSets());
        await(s.close());
    }

    @Test
    void aPartitionSizeBelowOneIsRefusedAtOnce() {
        AsyncSession s = sessions.open();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.stream(text("SELECT name FROM async_writers")).partitions(0));
        assertEquals("ATHANOR-8511: partitions(0): a partition holds at least 1 value", e.getMessage());
        await(s.close());
    }

    /** COUNT(*) of the writers through the session; its rows pass the probe too. */
    private static long count(AsyncSession s) {
        return ((Number) await(s.execute(text("SELECT COUNT(*) FROM async_writers"))).scalar()).longValue();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.onSpinWait();
        }
    }

    private static void awaitDone(RecordingSubscriber<?> sub) {
        try {
            assertTrue(sub.done.await(30, TimeUnit.SECONDS), "the stream ended");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
