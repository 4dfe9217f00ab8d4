package io.athanor.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.InvalidRequestException;
import io.athanor.LazyLoadNotAllowedException;
import io.athanor.ext.asyncio.AsyncSession;
import io.athanor.ext.asyncio.AsyncSessionMaker;
import io.athanor.servers.app.Tables;
import io.athanor.servers.model.Item;
import io.athanor.servers.support.Deployments;
import io.athanor.servers.support.Rows;
import jakarta.enterprise.concurrent.ManageableThread;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The injectable async session in the real server (athanor-asyncio in WEB-INF/lib): its work runs on
 * the container's managed threads in transactions of its own, and it refuses work begun inside a JTA
 * transaction, which it could not join.
 */
@ExtendWith(ArquillianExtension.class)
class AsyncSessionTest {
    @Deployment
    static WebArchive deployment() {
        return Deployments.war("asyncsession", Deployments.defaultDataSource(), AsyncSessionTest.class);
    }

    @Inject
    AsyncSession async;
    @Inject
    AsyncSessionMaker maker;
    @Inject
    Tables tables;

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static List<String> rows() {
        return Rows.names(Rows.defaultUnit(), "srv_items", "name");
    }

    @Test
    void theRequestsAsyncSessionWritesOnTheContainersManagedThreads() throws Exception {
        tables.reset();
        Item item = new Item("async-1");
        async.add(item); // queued in order: the flush below runs after it
        await(async.flush());
        Long id = item.id(); // loaded by the flush
        await(async.commit());
        assertEquals(List.of("async-1"), rows());
        assertThrows(LazyLoadNotAllowedException.class, item::name,
                "expired by the commit, and not loaded on the caller's thread (SQLAlchemy's MissingGreenlet)");
        Thread worker = await(async.runSync(s -> Thread.currentThread()));
        assertNotSame(Thread.currentThread(), worker, "the caller's thread never runs the work");
        assertInstanceOf(ManageableThread.class, worker,
                "a thread of the container's ManagedExecutorService: " + worker.getName());
        assertSame(item, await(async.get(Item.class, id)), "one identity map for the request's session");
    }

    @Test
    void theMakerOpensSessionsOfItsOwnThatCommitTogether() throws Exception {
        tables.reset();
        assertInstanceOf(ManagedExecutorService.class, maker.executor(), "the container's executor");
        String names = await(maker.transaction(s -> {
            s.add(new Item("made-1"));
            s.add(new Item("made-2"));
            return s.runSync(session -> "two");
        }));
        assertEquals("two", names);
        assertEquals(List.of("made-1", "made-2"), rows());
    }

    @Test
    void insideAJtaTransactionItRefusesToStartWork() throws Exception {
        tables.reset();
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> async.add(new Item("refused")));
            assertTrue(e.getMessage().startsWith("ATHANOR-8508"), e.getMessage());
        } finally {
            tx.rollback();
        }
        await(async.commit());
        assertEquals(List.of(), rows(), "nothing was queued");
    }
}
