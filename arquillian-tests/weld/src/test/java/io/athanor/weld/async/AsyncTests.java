package io.athanor.weld.async;

import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.ext.asyncio.AsyncSession;
import io.athanor.ext.asyncio.AsyncSessionMaker;
import io.athanor.weld.model.Item;
import io.athanor.weld.model.Item_;
import io.athanor.weld.support.Rows;
import io.athanor.weld.support.TestDataSources;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The injected AsyncSession and AsyncSessionMaker; each subclass deploys on one database. */
abstract class AsyncTests {
    @Inject
    AsyncItems items;
    @Inject
    AsyncSession session;
    @Inject
    AsyncSessionMaker asyncSessions;
    @Inject
    Session syncSession;
    @Inject
    SessionMaker sessions;
    @Inject
    TransactionManager tm;
    @Inject
    Instance<RequestContextController> controllers;

    abstract String database();

    /** Called first by each test: Arquillian runs JUnit 5 lifecycle methods outside the container. */
    void emptyTable() {
        sessions.registry().createAll(syncSession.getBind(Item.class));
        Rows.clear(TestDataSources.direct(database()), "weld_items");
    }

    List<String> rows() {
        return Rows.names(TestDataSources.direct(database()), "weld_items", "name");
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} in a request of its own on a new thread. */
    <T> T inRequest(Supplier<T> work) {
        return await(CompletableFuture.supplyAsync(() -> {
            RequestContextController request = controllers.get();
            request.activate();
            try {
                return work.get();
            } finally {
                request.deactivate();
            }
        }));
    }

    @Test
    void theInjectedAsyncSessionRunsOperationsOffTheCallersThread() {
        emptyTable();
        Long id = await(items.create("a1"));
        assertEquals(List.of("a1"), rows());
        String caller = Thread.currentThread().getName();
        String worker = await(session.runSync(s -> Thread.currentThread().getName()));
        assertTrue(!worker.equals(caller) && worker.startsWith("athanor-async-"), worker);
        Item item = await(session.get(Item.class, id));
        assertEquals("a1", await(session.awaitAttr(item, "name")), "expired by the commit, loaded on the lane");
        List<Item> streamed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.streamScalars(select(Item.class).where(Item_.name.eq("a1"))).subscribe(new Flow.Subscriber<Item>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Item value) {
                streamed.add(value);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        await(done);
        assertEquals(List.of(item), streamed, "one instance per identity, in the request's async session");
        await(session.rollback());
    }

    @Test
    void theMakerIsBuiltFromTheUnitsSettingsWithLocalTransactions() {
        emptyTable();
        assertEquals(5, asyncSessions.maxTransactions(), "sized from the unit's Agroal pool (5 connections)");
        assertSame(syncSession.getBind(Item.class), asyncSessions.sessionMaker().bind(), "the unit's engine");
        assertNotSame(sessions, asyncSessions.sessionMaker());
        Long id = await(asyncSessions.transaction(s -> {
            Item item = new Item("own");
            return s.add(item).thenCompose(v -> s.flush()).thenApply(v -> item.id());
        }));
        assertEquals(List.of("own"), rows(), "committed in a resource-local transaction of its own");
        assertTrue(id > 0);
    }

    @Test
    void insideAJtaTransactionTheAsyncSessionRefusesWork() throws Exception {
        emptyTable();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> items.createInsideJta("no"));
        assertTrue(e.getMessage().startsWith("ATHANOR-8508: AsyncSession.add() was called on thread '"), e.getMessage());
        assertTrue(e.getMessage().endsWith("call the AsyncSession outside one (a method without @Transactional, or "
                + "@Transactional(TxType.NOT_SUPPORTED))"), e.getMessage());
        tm.begin();
        try {
            assertThrows(InvalidRequestException.class, () -> asyncSessions.open().get(Item.class, 1L),
                    "sessions opened from the injected maker too");
        } finally {
            tm.rollback();
        }
        assertEquals(List.of(), rows());
        await(items.createWithJtaSuspended("yes"));
        assertEquals(List.of("yes"), rows(), "with the JTA transaction suspended it runs");
    }

    @Test
    void theRequestsAsyncSessionIsClosedWhenTheRequestEnds() {
        emptyTable();
        Item[] seen = new Item[1];
        inRequest(() -> {
            Item i = new Item("pending");
            await(items.session().add(i));
            assertTrue(Athanor.inspect(i).isPending());
            seen[0] = i;
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Athanor.inspect(seen[0]).isTransient() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(Athanor.inspect(seen[0]).isTransient(), "close() at the end of the request expunged it");
        assertNull(Athanor.inspect(seen[0]).session());
        assertEquals(List.of(), rows(), "nothing was committed");
        String first = inRequest(() -> items.session().toString());
        String second = inRequest(() -> items.session().toString());
        assertTrue(!first.equals(second), "one async session per request: " + first + " / " + second);
    }
}
