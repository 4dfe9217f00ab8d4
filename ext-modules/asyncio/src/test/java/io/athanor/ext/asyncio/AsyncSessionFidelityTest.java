package io.athanor.ext.asyncio;

import static io.athanor.ext.asyncio.Await.await;
import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.DatabaseException;
import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.LazyLoadNotAllowedException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * What SQLAlchemy's AsyncSession has beyond the basic operations: scalar, reset, invalidate,
 * connection, async_object_session, the synchronous accessors, and refresh of a relationship.
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

    // ---- scalar ---------------------------------------------------------------------------------

    @Test
    void scalarIsTheFirstColumnOfTheFirstRowOrNull() {
        Long id = saveWriter("ann");
        saveWriter("bob");
        AsyncSession s = sessions.open();
        Writer ann = await(s.scalar(select(Writer.class).where(Writer_.name.eq("ann"))));
        assertEquals(id, ann.id);
        assertSame(ann, await(s.get(Writer.class, id)), "an instance of the identity map");
        assertEquals("ann", await(s.scalar(select(Writer_.name).where(Writer_.id.eq(id)))));
        assertEquals("bob", await(s.scalar(select(Writer_.name).orderBy(Writer_.name.desc()))), "the first of two rows");
        assertNull(await(s.scalar(select(Writer.class).where(Writer_.name.eq("nobody")))));
        assertEquals("ann", await(s.scalar(text("SELECT name FROM async_writers WHERE id = :id"), Map.of("id", id))));
        assertEquals(2L, ((Number) await(s.scalar(text("SELECT COUNT(*) FROM async_writers")))).longValue());
        await(s.close());
    }

    @Test
    void scalarAutoflushesFirst() {
        AsyncSession s = sessions.open();
        s.add(new Writer("cy"));
        assertEquals(0L, ((Number) await(s.scalar(text("SELECT COUNT(*) FROM async_writers")))).longValue(),
                "text() does not autoflush (as the synchronous execute): the select() below does");
        await(s.close());
        AsyncSession t = sessions.open();
        t.add(new Writer("dee"));
        assertEquals("dee", await(t.scalar(select(Writer_.name))));
        await(t.close());
    }

    // ---- reset and invalidate -------------------------------------------------------------------

    @Test
    void resetRollsBackExpungesAndLeavesTheSessionReady() {
        Long id = saveWriter("eve");
        AsyncSession s = sessions.open();
        Writer pending = new Writer("fay");
        Writer eve = await(s.get(Writer.class, id));
        await(s.add(pending).thenCompose(v -> s.flush()));
        assertTrue(s.inTransaction());
        assertEquals(sessions.maxTransactions() - 1, freeSlots());

        await(s.reset());
        assertFalse(s.inTransaction());
        assertTrue(Athanor.inspect(pending).isDetached(), "expunged (its flushed row rolled back)");
        assertTrue(Athanor.inspect(eve).isDetached());
        assertFalse(s.contains(eve));
        assertEquals(1, writers());
        assertEquals(sessions.maxTransactions(), freeSlots(), "the transaction slot is back");

        Writer again = await(s.get(Writer.class, id));
        assertNotSame(eve, again, "the session is ready again, with an empty identity map");
        await(s.close());
    }

    @Test
    void invalidateDiscardsTheTransactionsConnectionAndTheSessionGoesOn() throws SQLException {
        Long id = saveWriter("gil");
        AsyncSession s = sessions.open();
        Writer w = await(s.get(Writer.class, id));
        await(s.add(new Writer("hal")).thenCompose(v -> s.flush()));
        Connection physical = await(s.connection(c -> c.getMetaData().getConnection()));
        assertFalse(physical.isClosed());

        await(s.invalidate());
        if (db.kind() == TestDatabase.H2) {
            assertFalse(physical.isClosed(), "H2's abort does nothing: rolled back and returned to the pool");
        } else {
            assertTrue(physical.isClosed(), "the driver's connection was terminated, not returned to the pool");
        }
        assertFalse(s.inTransaction());
        assertTrue(Athanor.inspect(w).isDetached(), "expunged, as close() does");
        assertEquals(1, writers(), "the flushed insert never committed");
        assertEquals(sessions.maxTransactions(), freeSlots());

        Writer again = await(s.get(Writer.class, id));
        assertEquals("gil", again.name);
        Connection next = await(s.connection(c -> c.getMetaData().getConnection()));
        if (db.kind() != TestDatabase.H2) {
            assertNotSame(physical, next, "a new connection");
        }
        assertFalse(next.isClosed());
        await(s.close());
        assertFalse(next.isClosed(), "close() returns the connection to the pool, open");
    }

    @Test
    void invalidateOutsideATransactionIsClose() {
        AsyncSession s = sessions.open();
        Writer w = new Writer("ian");
        await(s.add(w));
        await(s.invalidate());
        assertTrue(Athanor.inspect(w).isTransient());
        assertEquals(0, writers());
        assertEquals(sessions.maxTransactions(), freeSlots());
    }

    // ---- connection -----------------------------------------------------------------------------

    @Test
    void connectionRunsOnTheLaneWithTheSessionsTransaction() {
        AsyncSession s = sessions.open();
        await(s.add(new Writer("jo")).thenCompose(v -> s.flush()));
        long seen = await(s.connection(c -> {
            assertTrue(Thread.currentThread().getName().startsWith("athanor-async-"));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM async_writers")) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        assertEquals(1, seen, "the uncommitted row of the session's own transaction");
        assertEquals(0, writers(), "not committed");
        await(s.commit());
        assertEquals(1, writers());

        AsyncSession t = sessions.open();
        boolean autoCommit = await(t.connection(c -> c.getAutoCommit()));
        assertFalse(autoCommit, "connection() begins the transaction");
        assertTrue(t.inTransaction());
        await(t.close());
        await(s.close());
    }

    @Test
    void anSqlExceptionOfTheConnectionWorkFailsTheStage() {
        AsyncSession s = sessions.open();
        DatabaseException e = assertThrows(DatabaseException.class, () -> await(s.connection(c -> {
            throw new SQLException("boom", "42000");
        })));
        assertEquals("ATHANOR-8510: the work given to AsyncSession.connection() failed: boom", e.getMessage());
        assertEquals("42000", e.getCause() instanceof SQLException x ? x.getSQLState() : null);
        await(s.close());
    }

    // ---- async_object_session -------------------------------------------------------------------

    @Test
    void theOwningAsyncSessionOfAnInstance() {
        Long id = saveWriter("kim");
        AsyncSession s = sessions.open();
        AsyncSession other = sessions.open();
        Writer kim = await(s.get(Writer.class, id));
        Writer fresh = new Writer("lou");
        assertSame(s, AsyncSessions.of(kim));
        assertNull(AsyncSessions.of(fresh), "transient: no session");
        await(other.add(fresh));
        assertSame(other, AsyncSessions.of(fresh), "pending in the other session");
        assertSame(s, await(s.runSync(AsyncSessions::of)), "the async session wrapping runSync's Session");

        SessionMaker plain = SessionMaker.builder(AsyncModel.REGISTRY).bind(engine).build();
        try (Session sync = plain.open()) {
            assertNull(AsyncSessions.of(sync.get(Writer.class, id)), "an instance of a synchronous session");
            assertNull(AsyncSessions.of(sync));
        }
        await(s.close());
        assertNull(AsyncSessions.of(kim), "expunged by close()");
        await(other.close());
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

    // ---- refresh of a relationship --------------------------------------------------------------

    @Test
    void refreshOfARelationshipLoadsItSoThatTheCallersThreadReadsItWithoutSql() {
        Long id = saveWriter("quinn", "b", "a");
        AsyncSession s = sessions.open();
        Writer w = await(s.get(Writer.class, id));
        LazyLoadNotAllowedException e = assertThrows(LazyLoadNotAllowedException.class, () -> w.stories.size());
        assertTrue(e.getMessage().contains("asyncSession.refresh(obj, \"stories\")"), e.getMessage());

        await(s.refresh(w, "stories"));
        try (SqlCapture sql = SqlCapture.start()) {
            assertEquals(List.of("a", "b"), w.stories.stream().map(x -> x.title).toList());
            assertEquals(0, sql.count(), "loaded on the lane by refresh: " + sql.lines());
        }

        await(s.commit());
        await(s.refresh(w, "name", "stories"));
        try (SqlCapture sql = SqlCapture.start()) {
            assertEquals("quinn", w.name);
            assertEquals(2, w.stories.size());
            assertEquals(0, sql.count(), "both reloaded after the commit expired them: " + sql.lines());
        }
        await(s.close());
    }

    @Test
    void refreshOfAManyToOneLoadsIt() {
        Long id = saveWriter("rae", "c");
        AsyncSession s = sessions.open();
        Story story = await(s.scalar(select(Story.class).where(Story_.title.eq("c"))));
        await(s.refresh(story, "writer"));
        try (SqlCapture sql = SqlCapture.start()) {
            assertEquals(id, story.writer.id);
            assertEquals("rae", story.writer.name);
            assertEquals(0, sql.count(), sql.lines().toString());
        }
        await(s.close());
    }
}
