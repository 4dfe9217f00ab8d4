package io.athanor;

import java.util.List;

/** The rows a statement returned, already read from the database: SQLAlchemy's {@code Result}. */
public interface Result {
    /** All rows. */
    List<Row> all();

    /** The first row, or {@code null}. */
    Row first();

    /** The only row; {@link NoResultException} or {@link MultipleResultsException} otherwise. */
    Row one();

    /** The only row or {@code null}; {@link MultipleResultsException} when there are several. */
    Row oneOrNull();

    /** The first column of the first row, or {@code null} when there is no row. */
    Object scalar();

    /** The first column of every row. */
    ScalarResult<Object> scalars();

    /** The number of rows matched, for INSERT/UPDATE/DELETE; -1 for queries. */
    int rowCount();
}
