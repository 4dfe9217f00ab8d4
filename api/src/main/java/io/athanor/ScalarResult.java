package io.athanor;

import java.util.List;
import java.util.stream.Stream;

/** One value per row, typically mapped instances: SQLAlchemy's {@code ScalarResult}. */
public interface ScalarResult<T> extends Iterable<T> {
    /** All values. */
    List<T> all();

    /** The first value, or {@code null}. */
    T first();

    /** The only value; {@link NoResultException} or {@link MultipleResultsException} otherwise. */
    T one();

    /** The only value or {@code null}; {@link MultipleResultsException} when there are several. */
    T oneOrNull();

    /** The values as a stream. */
    Stream<T> stream();
}
