package io.athanor.ext.asyncio;

import static io.athanor.ext.asyncio.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * What SQLAlchemy's AsyncSession has beyond the basic operations: the synchronous accessors.
 */
@AllDatabases
class AsyncSessionFidelityTest {
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

    private long writers() {
        return AsyncModel.longValue(engine, "SELECT COUNT(*) FROM async_writers");
    }

    private int freeSlots() {
        return ((AsyncSessionMakerImpl) sessions).slots().available();
    }

    // ---- synchronous accessors ------------------------------------------------------------------

    @Test
    void theSynchronousAccessorsAnswerOnTheCallersThreadOnceTheStageCompleted() {
        Long id = saveWriter("max");
        AsyncSession s = sessions.open();
        Writer added = new Writer("ned");
        await(s.add(added));
        assertEquals(Set.of(added), s.getNew());
        assertTrue(s.contains(added));
        await(s.flush());
        assertTrue(s.getNew().isEmpty());
        assertTrue(s.inTransaction());
        assertFalse(s.inNestedTransaction());

        Writer max = await(s.get(Writer.class, id));
        assertFalse(s.isModified(max));
        max.name = "Max";
        assertTrue(s.isModified(max));
        assertEquals(Set.of(max), s.getDirty());
        await(s.delete(added));
        assertEquals(Set.of(added), s.getDeleted());
        await(s.beginNested());
        assertTrue(s.inNestedTransaction());

        boolean askedInDependentAction = await(s.add(new Writer("oli")).thenApply(v -> s.getNew().size() == 1));
        assertTrue(askedInDependentAction, "a dependent action of the last stage may ask too");
        await(s.close());
        assertFalse(s.inTransaction());
        assertFalse(s.contains(max));
    }

    @Test
    void anAccessorCalledWhileAnOperationIsPendingFailsRatherThanAnswerStale() throws InterruptedException {
        AsyncSession s = sessions.open();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletionStage<Void> blocked = s.runSync(session -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        CompletionStage<Void> queued = s.add(new Writer("pat"));
        assertTrue(running.await(30, TimeUnit.SECONDS));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, s::getNew);
        assertEquals("ATHANOR-8509: AsyncSession.getNew() was called on thread '" + Thread.currentThread().getName()
                + "' while an operation of the session is queued or running, so the answer would not reflect it: wait"
                + " for the operation's stage first (or ask on the lane with runSync)", e.getMessage());
        assertThrows(InvalidRequestException.class, s::inTransaction);
        release.countDown();
        await(blocked);
        await(queued);
        assertEquals(1, s.getNew().size(), "the queued add ran before the answer");
        assertEquals(1, (int) await(s.runSync(session -> session.getNew().size())));
        await(s.close());
    }
}
