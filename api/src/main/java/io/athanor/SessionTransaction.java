package io.athanor;

/**
 * A transaction of a session, the root one or a nested savepoint: SQLAlchemy's
 * {@code SessionTransaction}. Closing one that was neither committed nor rolled back rolls it back,
 * so a try-with-resources block undoes its work when it is left by an exception.
 */
public interface SessionTransaction extends AutoCloseable {
    /** Commits this transaction (releases it, for a savepoint), flushing first. */
    void commit();

    /** Rolls this transaction back (to the savepoint, for a nested one), memory included. */
    void rollback();

    /** Whether this is a savepoint. */
    boolean isNested();

    /** Whether it is still open and usable. */
    boolean isActive();

    /** The enclosing transaction, or {@code null} for the root. */
    SessionTransaction parent();

    /** Rolls back unless already committed or rolled back. */
    @Override
    void close();
}
