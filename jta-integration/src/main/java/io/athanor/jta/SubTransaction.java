package io.athanor.jta;

import io.athanor.SessionTransaction;

/**
 * A sub-transaction: a savepoint of the session inside the active (JTA) transaction, begun by
 * {@link SubTransactions#begin()} or around a {@code @SubTransaction} method. Releasing it keeps its
 * work in the enclosing transaction; rolling it back undoes its work in the database
 * ({@code ROLLBACK TO SAVEPOINT}) and in the session's memory. JTA accepts synchronizations only for
 * the whole transaction, so the callbacks of a savepoint are registered here.
 */
public interface SubTransaction {

    /** The session's savepoint transaction. */
    SessionTransaction savepoint();

    /** The enclosing sub-transaction, or {@code null}. */
    SubTransaction parent();

    /**
     * Runs {@code callback} when this sub-transaction is released. Callbacks run in registration
     * order; the first failure is thrown after all ran.
     */
    void onRelease(Runnable callback);

    /**
     * Runs {@code callback} when this sub-transaction is rolled back, or when the enclosing
     * sub-transaction is rolled back after this one was released into it.
     */
    void onRollback(Runnable callback);

    /** Makes the end of this sub-transaction roll back even when its method returns normally. */
    void setRollbackOnly();

    /** Whether {@link #setRollbackOnly()} was called. */
    boolean isRollbackOnly();

    /** Whether it is neither released nor rolled back. */
    boolean isActive();

    /** Flushes and releases the savepoint; {@link IllegalStateException} unless it is the innermost one. */
    void release();

    /** Rolls back to the savepoint (ending any sub-transaction begun inside it first). */
    void rollback();
}
