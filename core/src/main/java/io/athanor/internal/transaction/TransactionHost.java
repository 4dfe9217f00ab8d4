package io.athanor.internal.transaction;

import io.athanor.internal.state.SessionStates;
import io.athanor.spi.ExternalTransaction;

/**
 * What a session's transaction tree needs of its session: the thread guard around each operation,
 * the flush that precedes a commit or a savepoint, the states whose memory a rollback restores, and
 * the external transaction to join when autobegin starts one.
 */
public interface TransactionHost {

    void enter();

    void exit();

    /** Flushes pending changes (refused while flushing). */
    void flush();

    SessionStates states();

    /** Whether commit expires every instance (SQLAlchemy's {@code expire_on_commit}). */
    boolean expireOnCommit();

    /** Whether a transaction begins on first use (SQLAlchemy's {@code autobegin}). */
    boolean autobegin();

    /** The external (JTA) transaction active on this thread, or {@code null}. */
    ExternalTransaction currentExternal();

    /** A new root joined {@code external}: register for its completion. */
    void joined(TransactionImpl root, ExternalTransaction external);
}
