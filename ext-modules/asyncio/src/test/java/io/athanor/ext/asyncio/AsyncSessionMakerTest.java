package io.athanor.ext.asyncio;

import static io.athanor.ext.asyncio.Await.await;
import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The maker's executors, slots and settings. */
@AllDatabases
class AsyncSessionMakerTest {
    @Parameter
    DatabaseHandle db;

    @Test
    void aUserExecutorRunsTheLanesAndIsNotShutDown() {
        Engine engine = AsyncModel.freshEngine(db);
        ExecutorService mine = Executors.newFixedThreadPool(2, r -> new Thread(r, "mine"));
        try {
            AsyncSessionMaker sessions = AsyncSessionMaker.builder(AsyncModel.REGISTRY).bind(engine)
                    .executor(mine).maxTransactions(2).build();
            assertSame(mine, sessions.executor());
            List<CompletableFuture<Long>> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "w" + i;
                ids.add(sessions.transaction(s -> {
                    Writer w = new Writer(name);
                    return s.add(w).thenCompose(v -> s.flush()).thenApply(v -> w.id);
                }).toCompletableFuture());
            }
            await(CompletableFuture.allOf(ids.toArray(CompletableFuture[]::new)));
            assertEquals(20L, AsyncModel.longValue(engine, "SELECT COUNT(*) FROM async_writers"));
            assertEquals("mine", await(sessions.open().runSync(s -> Thread.currentThread().getName())));
            sessions.close();
            assertEquals(false, mine.isShutdown());
        } finally {
            mine.shutdown();
        }
    }

    @Test
    void afterCloseTheDefaultExecutorRefusesNewOperations() {
        Engine engine = AsyncModel.freshEngine(db);
        AsyncSessionMaker sessions = AsyncSessionMaker.builder(AsyncModel.REGISTRY).bind(engine).threads(1).build();
        AsyncSession s = sessions.open();
        await(s.runSync(session -> null));
        sessions.close();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> await(s.flush()));
        assertTrue(e.getMessage().startsWith("ATHANOR-8505: the async session's executor refused its operation"),
                e.getMessage());
        assertEquals(sessions.maxTransactions(), ((AsyncSessionMakerImpl) sessions).slots().available());
    }

    @Test
    void numbersBelowOneAreRefused() {
        AsyncSessionMaker.Builder b = AsyncSessionMaker.builder(AsyncModel.REGISTRY);
        assertEquals("ATHANOR-8504: AsyncSessionMaker.threads must be at least 1, got 0",
                assertThrows(InvalidRequestException.class, () -> b.threads(0)).getMessage());
        assertEquals("ATHANOR-8504: AsyncSessionMaker.maxTransactions must be at least 1, got -1",
                assertThrows(InvalidRequestException.class, () -> b.maxTransactions(-1)).getMessage());
    }

    @Test
    void withoutAnAgroalPoolTheDefaultsAreTen() {
        Engine engine = Engine.of(db.dataSource());
        try (AsyncSessionMaker sessions = AsyncSessionMaker.builder(AsyncModel.REGISTRY).bind(engine).build()) {
            assertEquals(10, sessions.maxTransactions());
        }
    }

    @Test
    void aMakerBuiltFromASessionMakerTakesItsSettingsButNotItsTransactionIntegration() {
        Engine engine = AsyncModel.freshEngine(db);
        SessionMaker sync = SessionMaker.builder(AsyncModel.REGISTRY).bind(engine).expireOnCommit(false)
                .transactionIntegration(() -> {
                    throw new AssertionError("the async sessions must not ask for a JTA transaction");
                }).build();
        try (AsyncSessionMaker sessions = AsyncSessionMaker.builder(sync).build()) {
            assertEquals(10, sessions.maxTransactions(), "sized from the bound engine's pool");
            assertSame(engine, sessions.sessionMaker().bind());
            AsyncSession s = sessions.open();
            Writer w = new Writer("from-sync");
            await(s.add(w).thenCompose(v -> s.commit()));
            assertEquals("from-sync", w.name, "expireOnCommit(false) carried over: readable off the lane");
            await(s.close());
        }
        assertEquals(1L, AsyncModel.longValue(engine, "SELECT COUNT(*) FROM async_writers"));
    }

    @Test
    void insideAJtaTransactionEveryOperationButCloseIsRefusedOnTheCallersThread() {
        Engine engine = AsyncModel.freshEngine(db);
        ThreadLocal<Boolean> inJta = ThreadLocal.withInitial(() -> false);
        try (AsyncSessionMaker sessions = AsyncSessionMaker.builder(AsyncModel.REGISTRY).bind(engine)
                .refuseInJtaTransaction(inJta::get).build()) {
            AsyncSession s = sessions.open();
            await(s.add(new Writer("outside")));
            inJta.set(true);
            try {
                InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> s.add(new Writer("in")));
                assertEquals("ATHANOR-8508: AsyncSession.add() was called on thread '" + Thread.currentThread().getName()
                        + "' inside an active JTA transaction. An AsyncSession runs its work on other threads, in"
                        + " database transactions of its own: it can't join this JTA transaction, and its work would"
                        + " commit or roll back independently of it. Use the injected Session for work that belongs to"
                        + " the JTA transaction, and call the AsyncSession outside one (a method without @Transactional,"
                        + " or @Transactional(TxType.NOT_SUPPORTED))", e.getMessage());
                assertTrue(assertThrows(InvalidRequestException.class, () -> s.runSync(x -> 1)).getMessage()
                        .startsWith("ATHANOR-8508: AsyncSession.runSync()"));
                assertTrue(assertThrows(InvalidRequestException.class, () -> await(sessions.transaction(x -> x.flush())))
                        .getMessage().startsWith("ATHANOR-8508: AsyncSession.begin()"), "the helper's stage fails");
                RecordingSubscriber<Writer> sub = new RecordingSubscriber<>(1);
                s.streamScalars(select(Writer.class)).subscribe(sub);
                assertTrue(sub.error.getMessage().startsWith("ATHANOR-8508: AsyncSession.streamScalars()"),
                        "a stream fails instead: " + sub.error);
                await(s.close());
            } finally {
                inJta.set(false);
            }
            assertEquals(0L, AsyncModel.longValue(engine, "SELECT COUNT(*) FROM async_writers"), "close rolled back");
            assertEquals(sessions.maxTransactions(), ((AsyncSessionMakerImpl) sessions).slots().available());
        }
    }
}
