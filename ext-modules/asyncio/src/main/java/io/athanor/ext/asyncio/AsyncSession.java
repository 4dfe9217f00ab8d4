package io.athanor.ext.asyncio;

import io.athanor.Result;
import io.athanor.Row;
import io.athanor.ScalarResult;
import io.athanor.Session;
import io.athanor.sql.Select;
import io.athanor.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * SQLAlchemy's {@code AsyncSession}: a {@link Session} whose operations return
 * {@link CompletionStage}s instead of blocking. Every operation runs on the session's
 * <em>lane</em>: one at a time, in the order they were called, on a thread of the maker's executor,
 * so the caller's thread never waits for JDBC. Calls issued without waiting for the previous
 * stage are queued in order and never interleave; a failed operation does not cancel the ones
 * queued after it (each stage reports its own outcome). Many async sessions run concurrently.
 *
 * <p>Reading an attribute that is not loaded (expired by {@code commit()}, or a lazy relationship)
 * outside the lane raises {@link io.athanor.LazyLoadNotAllowedException}, as SQLAlchemy raises
 * {@code MissingGreenlet}: load it in the query (selectinload/joinedload), with
 * {@link #refresh(Object, String...)}, or with {@link #awaitAttr(Object, String)}; build the maker
 * with {@code expireOnCommit(false)} to keep reading values after commit.
 *
 * <p>Stages complete on the lane's worker thread after the operation ended; dependent actions
 * attached without an executor run there, so they must not block (use the {@code ...Async}
 * variants with an executor of your own for blocking work). Do not read or write the session's
 * instances while an operation of this session is still running. Cancelling a stage before its
 * operation started skips the operation.
 *
 * <p>Not thread-safe for the instances it returns, like {@link Session}; the methods themselves
 * may be called from any thread. A session inside a transaction holds one of its maker's
 * transaction slots until it commits, rolls back or closes: close every session.
 */
public interface AsyncSession {

    // ---- unit of work -------------------------------------------------------------------------

    /** {@link Session#add(Object)} on the lane. */
    CompletionStage<Void> add(Object instance);

    /** {@link Session#addAll(Collection)} on the lane. */
    CompletionStage<Void> addAll(Collection<?> instances);

    /** {@link Session#delete(Object)} on the lane. */
    CompletionStage<Void> delete(Object instance);

    /** {@link Session#flush()} on the lane. */
    CompletionStage<Void> flush();

    /** {@link Session#commit()} on the lane; the transaction slot is released afterwards. */
    CompletionStage<Void> commit();

    /** {@link Session#rollback()} on the lane; the transaction slot is released afterwards. */
    CompletionStage<Void> rollback();

    /**
     * {@link Session#close()} on the lane, after every operation queued before it: rolls back,
     * expunges every instance and releases the connection and the transaction slot. The session
     * can be used again afterwards, as in SQLAlchemy.
     */
    CompletionStage<Void> close();

    /**
     * SQLAlchemy 2.0.22's {@code reset()}: closes out the transaction and the instances, leaving the
     * session as if just opened. Athanor's {@link #close()} already leaves the session usable (it is
     * SQLAlchemy's {@code close()} with {@code close_resets_only=True}), so this is the same
     * operation; it runs after everything queued before it.
     */
    CompletionStage<Void> reset();

    /**
     * {@link #close()}, discarding the connection of the current transaction instead of returning
     * it to the pool: SQLAlchemy's {@code invalidate()}, for a connection whose state is unknown (a
     * timeout or a cancelled statement in the middle of a transaction). On the lane, when the session
     * is in a transaction, its connection to the default bind is terminated with JDBC's
     * {@link Connection#abort(java.util.concurrent.Executor)} (Agroal then destroys the physical
     * connection rather than reusing it; other pools do as their {@code abort} does); nothing is
     * rolled back on it, the database ends the transaction with the connection. Then the session
     * closes as {@link #close()}: every instance is expunged, and connections to other binds are
     * rolled back and returned. The session stays usable and takes a new connection when next used.
     */
    CompletionStage<Void> invalidate();

    /** {@link Session#merge(Object)} on the lane. */
    <T> CompletionStage<T> merge(T instance);

    /** {@link Session#merge(Object, boolean)} on the lane. */
    <T> CompletionStage<T> merge(T instance, boolean load);

    /**
     * {@link Session#refresh(Object, String...)} on the lane: the way to load expired or lazy
     * attributes. A relationship named in {@code attributes} is loaded too (with its lazy strategy,
     * still on the lane), as SQLAlchemy's {@code refresh()} loads the lazy relationships it is given,
     * so that reading it afterwards on any thread runs no SQL. With no names, relationships are only
     * expired, as in SQLAlchemy.
     */
    CompletionStage<Void> refresh(Object instance, String... attributes);

    /** {@link Session#expire(Object, String...)} on the lane. */
    CompletionStage<Void> expire(Object instance, String... attributes);

    /** {@link Session#expireAll()} on the lane. */
    CompletionStage<Void> expireAll();

    /** {@link Session#expunge(Object)} on the lane. */
    CompletionStage<Void> expunge(Object instance);

    /** {@link Session#expungeAll()} on the lane. */
    CompletionStage<Void> expungeAll();

    // ---- reads --------------------------------------------------------------------------------

    /**
     * The first column of the first row of {@code select}, or {@code null} when there is no row:
     * SQLAlchemy's {@code AsyncSession.scalar()}. Runs {@link Session#execute(Statement)} on the lane
     * (autoflushing first).
     */
    <T> CompletionStage<T> scalar(Select<T> select);

    /** {@link #scalar(Select)} for any statement (a {@code text()} query, ...). */
    CompletionStage<Object> scalar(Statement statement);

    /** {@link #scalar(Statement)} with named parameters ({@code :name} in {@code text()}). */
    CompletionStage<Object> scalar(Statement statement, Map<String, ?> parameters);

    /** {@link Session#get(Class, Object)} on the lane: the instance, or {@code null}. */
    <T> CompletionStage<T> get(Class<T> type, Object id);

    /** {@link Session#getOne(Class, Object)} on the lane: fails with {@link io.athanor.NoResultException}. */
    <T> CompletionStage<T> getOne(Class<T> type, Object id);

    /** {@link Session#scalars(Select)} on the lane; the result is fully read when the stage completes. */
    <T> CompletionStage<ScalarResult<T>> scalars(Select<T> select);

    /** {@link Session#execute(Statement)} on the lane; the rows are fully read when the stage completes. */
    CompletionStage<Result> execute(Statement statement);

    /** {@link Session#execute(Statement, Map)} on the lane. */
    CompletionStage<Result> execute(Statement statement, Map<String, ?> parameters);

    /** The partition size of {@link #stream(Statement)} and {@link #streamScalars(Select)}: rows per fetch. */
    int DEFAULT_YIELD_PER = 100;

    /**
     * The rows of {@code statement} (a {@code select()} or {@code text()} query) as a
     * {@link Flow.Publisher}, read from a database cursor as demand arrives: SQLAlchemy's
     * {@code AsyncSession.stream()}. {@link Session#stream(Statement, int)} on the lane, with
     * {@link #DEFAULT_YIELD_PER} rows per partition.
     *
     * <p>Each subscription runs the statement once, on the lane, at its first {@code request}; then
     * each further partition is read by one lane operation, only once the partition before it is
     * delivered and demand remains, so at most one partition is buffered. Values are emitted
     * serially and never on the lane. Between two partitions the lane is free: the session's other
     * operations run, on the same connection. The session stays in its transaction (keeping its
     * connection and transaction slot) while the cursor is open; reading to the end, cancelling or
     * an error closes the cursor on the lane, and the session's {@code commit()}, {@code rollback()}
     * or {@code close()} closes it too (the stream then fails with ATHANOR-4052). A non-positive
     * {@code request(n)} ends the stream with {@link IllegalArgumentException} (ATHANOR-8506).
     */
    AsyncResult<Row> stream(Statement statement);

    /** {@link #stream(Statement)} reading {@code yieldPer} rows per partition (the JDBC fetch size). */
    AsyncResult<Row> stream(Statement statement, int yieldPer);

    /** {@link #stream(Statement, int)} with named parameters ({@code :name} in {@code text()}). */
    AsyncResult<Row> stream(Statement statement, Map<String, ?> parameters, int yieldPer);

    /**
     * {@link #stream(Statement)} for the first column of a select: typically mapped instances, built
     * through the identity map a partition at a time ({@code selectinload} runs per partition; a
     * joined collection is refused, ATHANOR-4053). A null value ends the stream with
     * {@link NullPointerException} (ATHANOR-8507): a publisher cannot emit null.
     */
    <T> AsyncResult<T> streamScalars(Select<T> select);

    /** {@link #streamScalars(Select)} reading {@code yieldPer} rows per partition. */
    <T> AsyncResult<T> streamScalars(Select<T> select, int yieldPer);

    /**
     * The value of {@code attribute} of {@code instance}, loaded on the lane if it is unloaded or
     * expired: SQLAlchemy's {@code await obj.awaitable_attrs.name}. A column loads every unloaded
     * column of the instance in one SELECT; a relationship loads with its lazy strategy. Fails with
     * {@link io.athanor.InvalidRequestException} when the class has no such persistent attribute.
     */
    <V> CompletionStage<V> awaitAttr(Object instance, String attribute);

    // ---- transactions and escape hatch --------------------------------------------------------

    /** {@link Session#begin()} on the lane. */
    CompletionStage<AsyncSessionTransaction> begin();

    /** {@link Session#beginNested()} on the lane: flushes, then SAVEPOINT. */
    CompletionStage<AsyncSessionTransaction> beginNested();

    /**
     * Runs {@code work} with the underlying {@link Session} on the lane (SQLAlchemy's
     * {@code run_sync}): any synchronous Session code, including lazy loading, inspection
     * ({@code getNew()}, {@code isModified()}, {@code inTransaction()}) and {@code noAutoflush()}.
     * The session must not escape {@code work}.
     */
    <T> CompletionStage<T> runSync(Function<Session, T> work);

    /**
     * Runs {@code work} on the lane with the JDBC connection of the session's transaction to the
     * default bind ({@link Session#connection()}, beginning the transaction when needed), and
     * completes with what it returns: SQLAlchemy's {@code await session.connection()}, whose
     * {@code AsyncConnection} has no JDBC counterpart that would not block. The connection must not
     * escape {@code work} (using it elsewhere would run JDBC off the lane, beside the session's own
     * work); do not commit, roll back or close it. An {@link SQLException} fails the stage with a
     * {@link io.athanor.DatabaseException} (ATHANOR-8510).
     */
    <T> CompletionStage<T> connection(ConnectionWork<T> work);

    /** What {@link #connection(ConnectionWork)} runs with the session's connection, on the lane. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        /** Uses {@code connection} and returns a result; may throw {@link SQLException}. */
        T apply(Connection connection) throws SQLException;
    }

    // ---- synchronous accessors ----------------------------------------------------------------

    /*
     * SQLAlchemy's AsyncSession proxies these to its session without awaiting. Here they read the
     * session on the calling thread, which is safe only while none of its operations is queued or
     * running: call them after the stage of the last operation has completed (in a dependent action
     * of that stage, or after waiting for it). Called while an operation is queued or running, they
     * fail with InvalidRequestException (ATHANOR-8509) instead of answering with a state that the
     * pending operation is about to change. runSync answers on the lane at any time.
     */

    /** {@link Session#getNew()}: instances added and not yet flushed. See ATHANOR-8509 above. */
    Set<Object> getNew();

    /** {@link Session#getDirty()}: persistent instances with attribute changes. See ATHANOR-8509. */
    Set<Object> getDirty();

    /** {@link Session#getDeleted()}: instances marked for deletion and not yet flushed. See ATHANOR-8509. */
    Set<Object> getDeleted();

    /** {@link Session#inTransaction()}. See ATHANOR-8509. */
    boolean inTransaction();

    /** {@link Session#inNestedTransaction()}. See ATHANOR-8509. */
    boolean inNestedTransaction();

    /** {@link Session#isModified(Object)}: whether the instance has changes to flush. See ATHANOR-8509. */
    boolean isModified(Object instance);

    /** {@link Session#contains(Object)} (SQLAlchemy's {@code obj in session}). See ATHANOR-8509. */
    boolean contains(Object instance);
}
