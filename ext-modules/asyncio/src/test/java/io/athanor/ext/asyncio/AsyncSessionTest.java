package io.athanor.ext.asyncio;

import static io.athanor.ext.asyncio.Await.await;
import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.NoResultException;
import io.athanor.Session;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The AsyncSession's operations, their order on one lane, and where SQL may run. */
@AllDatabases
class AsyncSessionTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    AsyncSessionMaker sessions;
    AsyncSessionMaker keep;

    @BeforeEach
    void setUp() {
        engine = AsyncModel.freshEngine(db);
        sessions = AsyncSessionMaker.builder(AsyncModel.REGISTRY).bind(engine).build();
        keep = AsyncSessionMaker.builder(AsyncModel.REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    @AfterEach
    void tearDown() {
        sessions.close();
        keep.close();
    }

    private Long saveWriter(String name, String... titles) {
        Writer w = new Writer(name);
        for (String t : titles) {
            w.stories.add(new Story(t));
        }
        AsyncSession s = keep.open();
        await(s.add(w).thenCompose(v -> s.commit()).thenCompose(v -> s.close()));
        return w.id;
    }

    @Test
    void operationsRunOnTheMakersWorkerThreadsNeverOnTheCaller() {
        AsyncSession s = sessions.open();
        String caller = Thread.currentThread().getName();
        String worker = await(s.runSync(session -> Thread.currentThread().getName()));
        assertTrue(worker.startsWith("athanor-async-"), worker);
        assertFalse(worker.equals(caller));
        Thread t = await(s.runSync(session -> Thread.currentThread()));
        assertTrue(t.isDaemon());
        await(s.close());
    }

    @Test
    void addCommitGetRoundTripAndTheIdentityMap() {
        Long id = saveWriter("ann");
        AsyncSession s = sessions.open();
        Writer first = await(s.get(Writer.class, id));
        try (SqlCapture sql = SqlCapture.start()) {
            Writer again = await(s.get(Writer.class, id));
            assertSame(first, again);
            assertEquals(0, sql.count(), "identity map hit: " + sql.lines());
        }
        assertEquals("ann", first.name);
        assertNull(await(s.get(Writer.class, -1L)));
        first.name = "Ann";
        await(s.commit());
        assertEquals(List.of("Ann"), await(s.execute(text("SELECT name FROM async_writers"))).scalars().all());
        await(s.close());
    }

    @Test
    void callsIssuedWithoutWaitingRunInOrderOneAtATime() {
        AsyncSession s = sessions.open();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        List<CompletableFuture<Integer>> stages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            stages.add(s.runSync(session -> {
                if (inside.incrementAndGet() != 1) {
                    overlap.incrementAndGet();
                }
                order.add(n);
                Thread.yield();
                inside.decrementAndGet();
                return n;
            }).toCompletableFuture());
        }
        await(CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertEquals(expected, order);
        assertEquals(0, overlap.get(), "never interleaved");
        await(s.close());
    }

    @Test
    void unitOfWorkCallsQueuedWithoutWaiting() {
        AsyncSession s = keep.open();
        Writer w = new Writer("bob");
        s.add(w);
        s.flush();
        CompletionStage<Writer> got = s.commit().thenCompose(v -> s.get(Writer.class, w.id));
        assertSame(w, await(got));
        await(s.close());
        assertEquals(1L, AsyncModel.longValue(engine, "SELECT COUNT(*) FROM async_writers"));
    }

    @Test
    void aFailedOperationFailsItsOwnStageAndTheNextOneRuns() {
        AsyncSession s = sessions.open();
        CompletionStage<Writer> missing = s.getOne(Writer.class, -1L);
        CompletionStage<Writer> next = s.get(Writer.class, -2L);
        NoResultException e = assertThrows(NoResultException.class, () -> await(missing));
        assertTrue(e.getMessage().startsWith("ATHANOR-4001"), e.getMessage());
        assertNull(await(next));
        await(s.close());
    }

    @Test
    void anExpiredAttributeReadOnTheCallersThreadRaisesWithoutSql() {
        Long id = saveWriter("cy");
        AsyncSession s = sessions.open();
        Writer w = await(s.get(Writer.class, id));
        await(s.commit());
        try (SqlCapture sql = SqlCapture.start()) {
            io.athanor.LazyLoadNotAllowedException e = assertThrows(io.athanor.LazyLoadNotAllowedException.class,
                    () -> w.name.length());
            assertEquals("ATHANOR-8501: attribute 'name' of Writer " + id + " is not loaded, and an AsyncSession cannot"
                    + " load it on thread '" + Thread.currentThread().getName() + "', outside its lane: that would run"
                    + " SQL on the caller's thread (SQLAlchemy's MissingGreenlet). Load it in the query with"
                    + " selectinload/joinedload, or on the lane with asyncSession.refresh(obj, \"name\") or"
                    + " asyncSession.awaitAttr(obj, \"name\"); to read values after commit, build the AsyncSessionMaker"
                    + " with expireOnCommit(false)", e.getMessage());
            assertEquals(0, sql.count(), sql.lines().toString());
        }
        assertEquals("cy", await(s.awaitAttr(w, "name")));
        assertEquals("cy", w.name, "loaded by awaitAttr: readable anywhere now");
        await(s.expire(w, "name"));
        await(s.refresh(w, "name"));
        assertEquals("cy", w.name, "refresh(obj, attrs) is the other way");
        await(s.close());
    }

    @Test
    void dependentActionsOfAStageCannotLazyLoadEither() {
        Long id = saveWriter("dee");
        AsyncSession s = sessions.open();
        CompletionStage<Integer> length = s.get(Writer.class, id)
                .thenCompose(w -> s.commit().thenApply(v -> w))
                .thenApply(w -> w.name.length());
        assertThrows(io.athanor.LazyLoadNotAllowedException.class, () -> await(length));
        await(s.close());
    }

    @Test
    void expireOnCommitFalseIsThePatternForReadingAfterCommit() {
        AsyncSession s = keep.open();
        Writer w = new Writer("eve");
        await(s.add(w).thenCompose(v -> s.commit()));
        assertEquals("eve", w.name);
        assertNotNull(w.id);
        await(s.close());
    }

    @Test
    void aLazyRelationshipNeedsAwaitAttrRefreshOrRunSync() {
        Long id = saveWriter("fay", "b", "a");
        AsyncSession s = sessions.open();
        Writer w = await(s.get(Writer.class, id));
        io.athanor.LazyLoadNotAllowedException e = assertThrows(io.athanor.LazyLoadNotAllowedException.class,
                () -> w.stories.size());
        assertTrue(e.getMessage().startsWith("ATHANOR-8501: attribute 'stories' of Writer " + id), e.getMessage());
        List<Story> stories = await(s.awaitAttr(w, "stories"));
        assertEquals(List.of("a", "b"), stories.stream().map(x -> x.title).toList());
        assertSame(stories, w.stories, "the loaded collection stays on the instance");
        Story first = stories.get(0);
        assertSame(w, await(s.awaitAttr(first, "writer")), "many-to-one from the identity map");
        await(s.close());
        AsyncSession s2 = sessions.open();
        int size = await(s2.runSync(session -> session.get(Writer.class, id).stories.size()));
        assertEquals(2, size, "runSync may lazy-load: it runs on the lane");
        await(s2.close());
    }

    @Test
    void awaitAttrRefusesUnknownAttributesAndUnmappedObjects() {
        Long id = saveWriter("gus");
        AsyncSession s = sessions.open();
        Writer w = await(s.get(Writer.class, id));
        io.athanor.InvalidRequestException e = assertThrows(io.athanor.InvalidRequestException.class,
                () -> await(s.awaitAttr(w, "nickname")));
        assertEquals("ATHANOR-8502: io.athanor.ext.asyncio.Writer has no persistent attribute 'nickname' to await:"
                + " name a mapped column or relationship field", e.getMessage());
        e = assertThrows(io.athanor.InvalidRequestException.class, () -> await(s.awaitAttr("text", "x")));
        assertEquals("ATHANOR-8503: awaitAttr needs an instance of a mapped (enhanced) class, got java.lang.String",
                e.getMessage());
        assertEquals("gus", await(s.awaitAttr(w, "name")), "a loaded attribute needs no SQL");
        await(s.close());
    }

    @Test
    void scalarsExecuteAndTextWithParameters() {
        saveWriter("hal", "x");
        saveWriter("ida");
        AsyncSession s = sessions.open();
        List<Writer> all = await(s.scalars(select(Writer.class).orderBy(Writer_.name))).all();
        assertEquals(List.of("hal", "ida"), all.stream().map(w -> w.name).toList());
        io.athanor.Result r = await(s.execute(text("SELECT COUNT(*) FROM async_stories WHERE title = :t"),
                Map.of("t", "x")));
        assertEquals(1L, ((Number) r.scalar()).longValue());
        await(s.close());
    }

    @Test
    void deleteMergeExpungeAndExpireAll() {
        Long id = saveWriter("jo", "s1");
        AsyncSession s = sessions.open();
        Writer detached = new Writer("JO");
        detached.id = id;
        Writer merged = await(s.merge(detached));
        assertEquals("JO", merged.name);
        await(s.flush());
        await(s.delete(merged));
        await(s.commit());
        assertEquals(0L, AsyncModel.longValue(engine, "SELECT COUNT(*) FROM async_stories"), "delete cascaded");
        Long other = saveWriter("kim");
        Writer k = await(s.get(Writer.class, other));
        await(s.expunge(k));
        assertTrue(Athanor.inspect(k).isDetached());
        Writer k2 = await(s.get(Writer.class, other));
        await(s.expireAll());
        assertTrue(Athanor.inspect(k2).expiredAttributes().contains("name"));
        await(s.expungeAll());
        assertTrue(Athanor.inspect(k2).isDetached());
        await(s.close());
    }

    @Test
    void savepointsAndExplicitTransactions() {
        AsyncSession s = keep.open();
        AsyncSessionTransaction tx = await(s.begin());
        assertFalse(tx.isNested());
        Writer kept = new Writer("kept");
        await(s.add(kept));
        AsyncSessionTransaction sp = await(s.beginNested());
        assertTrue(sp.isNested());
        Writer undone = new Writer("undone");
        await(s.add(undone));
        await(sp.rollback());
        assertTrue(Athanor.inspect(undone).isTransient(), "ROLLBACK TO SAVEPOINT expunged it");
        await(tx.commit());
        assertEquals(List.of("kept"), names());
        AsyncSessionTransaction closed = await(s.begin());
        await(s.add(new Writer("never")));
        await(closed.close());
        assertEquals(1L, AsyncModel.longValue(engine, "SELECT COUNT(*) FROM async_writers"),
                "closing an open transaction rolls it back");
        await(s.close());
    }

    @Test
    void streamPublishesRowsAsDemandedOffTheLane() throws Exception {
        saveWriter("l1");
        saveWriter("l2");
        saveWriter("l3");
        AsyncSession s = sessions.open();
        RecordingSubscriber<Writer> sub = new RecordingSubscriber<>(1);
        s.streamScalars(select(Writer.class).orderBy(Writer_.name)).subscribe(sub);
        assertTrue(sub.done.await(30, TimeUnit.SECONDS));
        assertEquals(List.of("l1", "l2", "l3"), sub.items.stream().map(w -> w.name).toList(),
                "one at a time, each requested from onNext");
        assertNull(sub.error);
        RecordingSubscriber<io.athanor.Row> rows = new RecordingSubscriber<>(Long.MAX_VALUE);
        s.stream(text("SELECT name FROM async_writers ORDER BY name")).subscribe(rows);
        assertTrue(rows.done.await(30, TimeUnit.SECONDS));
        assertEquals(3, rows.items.size());
        RecordingSubscriber<Writer> bad = new RecordingSubscriber<>(0);
        s.streamScalars(select(Writer.class)).subscribe(bad);
        assertTrue(bad.done.await(30, TimeUnit.SECONDS));
        assertTrue(bad.error.getMessage().startsWith("ATHANOR-8506"), bad.error.getMessage());
        await(s.close());
    }

    @Test
    void transactionHelperCommitsOrRollsBackAndCloses() {
        Long id = await(keep.transaction(s -> {
            Writer w = new Writer("mo");
            return s.add(w).thenCompose(v -> s.flush()).thenApply(v -> w.id);
        }));
        assertNotNull(id);
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> await(keep.transaction(s ->
                s.add(new Writer("no")).thenApply(v -> {
                    throw boom;
                })))));
        assertEquals(List.of("mo"), names());
        assertEquals(keep.maxTransactions(), ((AsyncSessionMakerImpl) keep).slots().available(), "slots released");
    }

    @Test
    void aStageCancelledBeforeItsTurnSkipsItsOperation() throws Exception {
        AsyncSession s = keep.open();
        CountDownLatch release = new CountDownLatch(1);
        CompletionStage<Object> blocker = s.runSync(session -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        CompletableFuture<Void> add = s.add(new Writer("skipped")).toCompletableFuture();
        CompletionStage<Void> commit = s.commit();
        assertTrue(add.cancel(false));
        release.countDown();
        await(blocker);
        await(commit);
        assertEquals(List.of(), names());
        await(s.close());
    }

    @Test
    void aSessionInATransactionHoldsASlotUntilCommitRollbackOrClose() {
        Long id = saveWriter("ned");
        AsyncSessionMakerImpl maker = (AsyncSessionMakerImpl) sessions;
        int all = maker.maxTransactions();
        assertEquals(10, all, "the default engine pool's size");
        AsyncSession s = sessions.open();
        await(s.get(Writer.class, id));
        assertEquals(all - 1, maker.slots().available());
        await(s.commit());
        assertEquals(all, maker.slots().available());
        await(s.get(Writer.class, id));
        await(s.rollback());
        assertEquals(all, maker.slots().available());
        await(s.get(Writer.class, id));
        await(s.close());
        assertEquals(all, maker.slots().available());
        Writer again = await(s.get(Writer.class, id));
        assertEquals("ned", await(s.awaitAttr(again, "name")), "usable after close, as in SQLAlchemy");
        await(s.close());
    }

    private List<String> names() {
        AsyncSession s = sessions.open();
        List<String> names = new ArrayList<>();
        for (Object n : await(s.execute(text("SELECT name FROM async_writers ORDER BY name"))).scalars()) {
            names.add((String) n);
        }
        await(s.close());
        return names;
    }

    @Test
    void runSyncGivesTheSessionForInspection() {
        AsyncSession s = sessions.open();
        Writer w = new Writer("oz");
        await(s.add(w));
        int added = await(s.runSync((Session session) -> session.getNew().size()));
        assertEquals(1, added);
        await(s.flush());
        assertTrue(await(s.runSync(Session::inTransaction)));
        await(s.close());
    }
}
