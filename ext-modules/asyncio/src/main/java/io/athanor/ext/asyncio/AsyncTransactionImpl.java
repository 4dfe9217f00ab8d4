package io.athanor.ext.asyncio;

import io.athanor.SessionTransaction;
import java.util.concurrent.CompletionStage;

/** A {@link SessionTransaction} whose operations run on its session's lane. */
final class AsyncTransactionImpl implements AsyncSessionTransaction {
    private final AsyncSessionImpl session;
    private final SessionTransaction transaction;
    private final boolean nested;

    AsyncTransactionImpl(AsyncSessionImpl session, SessionTransaction transaction, boolean nested) {
        this.session = session;
        this.transaction = transaction;
        this.nested = nested;
    }

    @Override
    public boolean isNested() {
        return nested;
    }

    @Override
    public CompletionStage<Void> commit() {
        return session.submit("begin().commit", s -> {
            transaction.commit();
            return null;
        });
    }

    @Override
    public CompletionStage<Void> rollback() {
        return session.submit("begin().rollback", s -> {
            transaction.rollback();
            return null;
        });
    }

    @Override
    public CompletionStage<Void> close() {
        return session.submitUnchecked(s -> {
            transaction.close();
            return null;
        });
    }
}
