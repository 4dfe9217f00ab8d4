package io.athanor;

import io.athanor.sql.Select;
import io.athanor.sql.Statement;
import java.sql.Connection;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The unit of work: SQLAlchemy 2.0's ORM {@code Session}. It keeps one instance per database
 * identity, tracks what changed, and writes the changes in a flush ordered by the foreign keys.
 * A session is not thread-safe: use one per request or unit of work; calls from a second thread
 * while one is running fail with {@link InvalidRequestException}.
 */
public interface Session extends AutoCloseable {

    // ---- unit of work -------------------------------------------------------------------------

    /** Places a transient or detached instance in the session (pending, or persistent again). */
    void add(Object instance);

    /** {@link #add(Object)} for each instance. */
    void addAll(Collection<?> instances);

    /** Marks a persistent instance for deletion at the next flush; a pending one is expunged. */
    void delete(Object instance);

    /** Writes every pending change to the database in the current transaction. */
    void flush();

    /** Flushes and commits the outermost transaction; expires every instance when expireOnCommit is on. */
    void commit();

    /** Rolls back the outermost transaction: pending instances are expunged, persistent ones expired. */
    void rollback();

    /** Rolls back any transaction, expunges every instance and releases connections; the session stays usable. */
    @Override
    void close();

    /**
     * Copies the state of {@code instance} onto the persistent instance with the same identity,
     * loading it when needed, and returns that instance (SQLAlchemy's {@code merge()}).
     */
    <T> T merge(T instance);

    /** {@link #merge(Object)}; with {@code load = false} nothing is loaded and the copy is taken as clean. */
    <T> T merge(T instance, boolean load);

    /** Expires the attributes (all when none are named) and loads them again at once. */
    void refresh(Object instance, String... attributes);

    /** Expires the attributes (all when none are named); the next read loads them. Unflushed changes are discarded. */
    void expire(Object instance, String... attributes);

    /** Expires every instance in the session. */
    void expireAll();

    /** Removes the instance from the session without touching the database. */
    void expunge(Object instance);

    /** Removes every instance from the session (SQLAlchemy's {@code expunge_all()}). */
    void expungeAll();

    /** Whether the instance is in this session (pending, persistent or deleted). */
    boolean contains(Object instance);

    /** Whether the instance has attribute changes to flush. */
    boolean isModified(Object instance);

    // ---- reads --------------------------------------------------------------------------------

    /** The instance with that primary key, from the identity map without SQL when present, else loaded; {@code null} if none. */
    <T> T get(Class<T> type, Object id);

    /** {@link #get(Class, Object)}, raising {@link NoResultException} when there is no such row. */
    <T> T getOne(Class<T> type, Object id);

    /** Runs a select and returns its first column, typically mapped instances. */
    <T> ScalarResult<T> scalars(Select<T> select);

    /** Runs any statement and returns its rows. */
    Result execute(Statement statement);

    /** Runs a statement with named parameters ({@code :name} in {@code text()}). */
    Result execute(Statement statement, Map<String, ?> parameters);

    /**
     * Runs a {@code select()} or {@code text()} query on a database cursor and returns its rows as
     * they are read, {@code yieldPer} at a time (SQLAlchemy's {@code execute()} with the
     * {@code yield_per} execution option): the JDBC fetch size is {@code yieldPer}, so PostgreSQL
     * fetches from a server-side portal and MariaDB streams the result. Autoflushes first, as
     * {@link #execute(Statement)}. Refuses ({@link InvalidRequestException}) a {@code yieldPer}
     * below 1, other statements, and a select that joins a collection eagerly (use
     * {@code selectinload}, which runs per partition). See {@link StreamedResult} for the cursor's life.
     */
    StreamedResult<Row> stream(Statement statement, int yieldPer);

    /** {@link #stream(Statement, int)} with named parameters ({@code :name} in {@code text()}). */
    StreamedResult<Row> stream(Statement statement, Map<String, ?> parameters, int yieldPer);

    /** {@link #stream(Statement, int)} for the first column of a select: typically mapped instances. */
    <T> StreamedResult<T> streamScalars(Select<T> select, int yieldPer);

    // ---- inspection ---------------------------------------------------------------------------

    /** Instances added and not yet flushed. */
    Set<Object> getNew();

    /** Persistent instances with attribute changes (a superset may be reported, as in SQLAlchemy). */
    Set<Object> getDirty();

    /** Instances marked for deletion and not yet flushed. */
    Set<Object> getDeleted();

    /** A read-only snapshot of the identity map: identity key to instance. */
    Map<IdentityKey, Object> identityMap();

    // ---- transactions -------------------------------------------------------------------------

    /** Begins the root transaction explicitly; {@link InvalidRequestException} if one is already begun. */
    SessionTransaction begin();

    /** Flushes, then begins a savepoint nested in the current transaction (autobegun when needed). */
    SessionTransaction beginNested();

    /** Whether a transaction is begun. */
    boolean inTransaction();

    /** Whether a savepoint is begun. */
    boolean inNestedTransaction();

    /** False after a failed flush until {@code rollback()}; true otherwise. */
    boolean isActive();

    /** The current innermost transaction, or {@code null}. */
    SessionTransaction currentTransaction();

    /** The engine the given class (or table name) is bound to. */
    Engine getBind(Object mapperOrTable);

    /** A block without autoflush, for try-with-resources. */
    NoAutoflush noAutoflush();

    /** The JDBC connection of the default bind in the current transaction (autobegun). */
    Connection connection();
}
