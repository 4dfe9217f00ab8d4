package io.athanor.ext.asyncio;

import java.util.List;
import java.util.concurrent.Flow;

/**
 * The values of {@link AsyncSession#stream(io.athanor.sql.Statement)} or
 * {@link AsyncSession#streamScalars(io.athanor.sql.Select)}: a cold {@link Flow.Publisher} read from
 * a database cursor as demand arrives, SQLAlchemy's {@code AsyncResult} / {@code AsyncScalarResult}.
 * Each subscription, to it or to one of its {@link #partitions(int) partition} publishers, runs the
 * statement once, on the session's lane.
 *
 * @param <T> a {@link io.athanor.Row}, or the first column of a select (typically a mapped instance)
 */
public interface AsyncResult<T> extends Flow.Publisher<T> {

    /**
     * The same values in lists of {@code size} (the last one may be shorter, and none is empty):
     * SQLAlchemy's {@code AsyncResult.partitions(size)}. Each list is read by one lane operation, once
     * the list before it is delivered and demand remains; {@code request(n)} asks for {@code n} lists.
     * A list may hold nulls (a null column value). {@code size} is independent of the stream's
     * {@code yieldPer} (the JDBC fetch size): with equal values each list is one database fetch.
     *
     * @throws IllegalArgumentException (ATHANOR-8511) when {@code size} is below 1
     */
    Flow.Publisher<List<T>> partitions(int size);

    /** {@link #partitions(int)} of the stream's {@code yieldPer}: one list per database fetch. */
    Flow.Publisher<List<T>> partitions();
}
