package io.athanor.ext.asyncio;

import java.util.concurrent.CompletionStage;

/**
 * A transaction or savepoint begun by {@link AsyncSession#begin()} or
 * {@link AsyncSession#beginNested()}: SQLAlchemy's {@code AsyncSessionTransaction}. Its operations
 * run on the session's lane, in order with the session's other operations.
 */
public interface AsyncSessionTransaction {

    /** Whether this is a savepoint. */
    boolean isNested();

    /** Commits (a savepoint: RELEASE SAVEPOINT). */
    CompletionStage<Void> commit();

    /** Rolls back (a savepoint: ROLLBACK TO SAVEPOINT, with the session's memory rolled back too). */
    CompletionStage<Void> rollback();

    /** Rolls back when neither committed nor rolled back yet; otherwise nothing. */
    CompletionStage<Void> close();
}
