package io.athanor.spi;

/**
 * Lets sessions join transactions owned by someone else, such as a JTA transaction manager. Set on
 * {@code SessionMaker.builder(...).transactionIntegration(...)}; the {@code athanor-jta} module
 * provides one. Whenever a session needs a transaction it asks {@link #current()}: a non-null
 * answer is joined (once per transaction), {@code null} means a resource-local transaction.
 */
public interface TransactionIntegration {

    /** The external transaction active on this thread, or {@code null}. */
    ExternalTransaction current();
}
