package io.athanor.ext.asyncio;

import static io.athanor.ext.asyncio.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
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
}
