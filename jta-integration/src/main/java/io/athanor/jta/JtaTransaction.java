package io.athanor.jta;

import io.athanor.spi.ExternalTransaction;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** The JTA transaction of one thread, seen through the registry; identified by its transaction key. */
final class JtaTransaction implements ExternalTransaction {
    private final TransactionSynchronizationRegistry registry;
    private final Object key;

    JtaTransaction(TransactionSynchronizationRegistry registry, Object key) {
        this.registry = registry;
        this.key = key;
    }

    @Override
    public Object id() {
        return key;
    }

    @Override
    public boolean isRollbackOnly() {
        return registry.getTransactionStatus() != Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {
        registry.setRollbackOnly();
    }

    @Override
    public void register(Completion completion) {
        registry.registerInterposedSynchronization(new CompletionSynchronization(completion));
    }

    /** JTA's {@link Synchronization} calling the session's {@link Completion}. */
    private record CompletionSynchronization(Completion completion) implements Synchronization {
        @Override
        public void beforeCompletion() {
            completion.beforeCompletion();
        }

        @Override
        public void afterCompletion(int status) {
            completion.afterCompletion(status == Status.STATUS_COMMITTED);
        }
    }

    @Override
    public String toString() {
        return "JtaTransaction[" + key + "]";
    }
}
