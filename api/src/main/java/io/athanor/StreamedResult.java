package io.athanor;

import java.util.Iterator;
import java.util.List;

/**
 * The rows of a query read from an open database cursor as they are consumed, {@code yieldPer} at a
 * time: SQLAlchemy's {@code Result} of a statement run with {@code yield_per} (a server-side cursor,
 * {@code stream_results}). Returned by {@link Session#stream(io.athanor.sql.Statement, int)} and
 * {@link Session#streamScalars(io.athanor.sql.Select, int)}.
 *
 * <p>Each partition is read from the JDBC result set (whose fetch size is {@code yieldPer}) when it
 * is asked for; mapped instances are built through the identity map, and {@code selectin} eager
 * loads run once per partition. The cursor keeps its connection and transaction: it lives until it
 * is read to the end, {@link #close() closed}, or closed by its session's {@code commit()},
 * {@code rollback()} or {@code close()}, or by the rollback of the savepoint it was opened in. Using
 * it after that raises {@link InvalidRequestException} (ATHANOR-4052).
 *
 * <p>Like its session, it is not thread-safe and runs under the session's thread guard. Close it
 * (try-with-resources) when it is not read to the end.
 *
 * @param <T> a {@link Row}, or the first column of a select (typically a mapped instance)
 */
public interface StreamedResult<T> extends Iterator<T>, AutoCloseable {

    /**
     * The next partition (SQLAlchemy's {@code partitions()}): the values not yet returned by
     * {@link #next()} from the partition read last, else up to {@code yieldPer} values read now;
     * an empty list once the rows are exhausted, and the cursor closed.
     */
    List<T> nextPartition();

    /** Whether another value exists; reads the next partition when the current one is used up. */
    @Override
    boolean hasNext();

    /** The next value; {@link java.util.NoSuchElementException} when there is none. */
    @Override
    T next();

    /** The number of values per partition, which is also the JDBC fetch size. */
    int yieldPer();

    /** Whether the cursor is closed: read to the end, closed, or closed by the session. */
    boolean isClosed();

    /** Closes the cursor and its statement; the session and its transaction stay as they are. Idempotent. */
    @Override
    void close();
}
