package io.athanor.spi;

/**
 * A transaction whose outcome belongs to someone else (a JTA transaction). The session joins it:
 * it takes connections that are already enlisted, flushes before completion, and applies
 * SQLAlchemy's commit or rollback semantics to its memory after completion; it never commits or
 * rolls back those connections itself.
 */
public interface ExternalTransaction {

    /** An identity that tells two transactions apart (the same object for the same transaction). */
    Object id();

    /** Whether the transaction can only roll back. */
    boolean isRollbackOnly();

    /** Marks the transaction so that it can only roll back. */
    void setRollbackOnly();

    /** Registers the session's completion callbacks with the transaction. */
    void register(Completion completion);

    /** Callbacks around the external transaction's completion. */
    interface Completion {
        /** Before the transaction commits: the session flushes; an exception marks it rollback-only. */
        void beforeCompletion();

        /** After the transaction ended, possibly on another thread (a timeout reaper). */
        void afterCompletion(boolean committed);
    }
}
