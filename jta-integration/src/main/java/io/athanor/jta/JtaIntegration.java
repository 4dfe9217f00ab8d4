package io.athanor.jta;

import io.athanor.spi.ExternalTransaction;
import io.athanor.spi.TransactionIntegration;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Lets sessions join the JTA transaction active on the calling thread. Pass it to
 * {@code SessionMaker.builder(registry).transactionIntegration(...)}: a session then joins the JTA
 * transaction once, flushes in {@code beforeCompletion}, and applies the commit or rollback
 * semantics to its instances in {@code afterCompletion}. Outside a JTA transaction sessions run
 * resource-local transactions as usual. Thread-safe.
 *
 * <pre>{@code
 * SessionMaker sessions = SessionMaker.builder(registry)
 *         .bind(Engine.of(jtaDataSource))
 *         .transactionIntegration(JtaIntegration.lookup())
 *         .build();
 * }</pre>
 */
public final class JtaIntegration implements TransactionIntegration {
    /** Where Jakarta EE servers bind the registry. */
    public static final String REGISTRY_JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";

    private final TransactionSynchronizationRegistry registry;

    private JtaIntegration(TransactionSynchronizationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** An integration over the given registry (a container's, or Narayana's in Java SE). */
    public static JtaIntegration of(TransactionSynchronizationRegistry registry) {
        return new JtaIntegration(registry);
    }

    /**
     * The registry at {@value #REGISTRY_JNDI_NAME}; without JNDI, Narayana's when it is on the class
     * path; {@link IllegalStateException} if neither is available.
     */
    public static JtaIntegration lookup() {
        try {
            return of((TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY_JNDI_NAME));
        } catch (NamingException | RuntimeException e) {
            if (narayanaPresent()) {
                return of(NarayanaSe.synchronizationRegistry());
            }
            throw new IllegalStateException(Messages.noRegistry(REGISTRY_JNDI_NAME, e.toString()), e);
        }
    }

    /** Whether Narayana is on the class path (checked without loading it). */
    private static boolean narayanaPresent() {
        try {
            Class.forName("com.arjuna.ats.jta.common.jtaPropertyManager", false, JtaIntegration.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The registry sessions register with. */
    public TransactionSynchronizationRegistry registry() {
        return registry;
    }

    /**
     * The transaction associated with this thread, or {@code null} when there is none. A
     * transaction that is no longer active (marked for rollback, or already rolled back by the
     * reaper) is reported too, as rollback-only, so that sessions refuse to work in it rather than
     * falling back to a resource-local transaction.
     */
    @Override
    public ExternalTransaction current() {
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            return null;
        }
        return new JtaTransaction(registry, registry.getTransactionKey());
    }

    @Override
    public String toString() {
        return "JtaIntegration[" + registry.getClass().getName() + "]";
    }
}
