package io.athanor.jta;

import io.athanor.Session;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The sub-transactions of one session: savepoints nested in the active transaction, innermost
 * last. Not thread-safe, like the session; the CDI extension keeps one per request and unit.
 *
 * <pre>{@code
 * SubTransactions subs = new SubTransactions(session, transactionManager);
 * subs.call(() -> { session.add(order); return null; }, SubTransactions.DEFAULT_RULE);
 * }</pre>
 */
public final class SubTransactions {
    /** {@code @Transactional}'s default: unchecked exceptions and errors roll back, checked ones do not. */
    public static final Predicate<Throwable> DEFAULT_RULE = t -> t instanceof RuntimeException || t instanceof Error;

    private final Session session;
    private final TransactionManager transactionManager;
    final Deque<SavepointHandle> stack = new ArrayDeque<>();
    private int counter;

    /** Sub-transactions of {@code session} in an already active transaction. */
    public SubTransactions(Session session) {
        this(session, null);
    }

    /** Sub-transactions of {@code session}; {@link #call} begins a JTA transaction through {@code tm} when none is active. */
    public SubTransactions(Session session, TransactionManager tm) {
        this.session = session;
        this.transactionManager = tm;
    }

    /**
     * A rule like {@code @Transactional}'s {@code rollbackOn}/{@code dontRollbackOn}: unchecked
     * exceptions and errors roll back, and so do subclasses of {@code rollbackOn}, unless they are
     * subclasses of {@code dontRollbackOn}, which takes precedence.
     */
    public static Predicate<Throwable> rule(Class<?>[] rollbackOn, Class<?>[] dontRollbackOn) {
        return t -> {
            for (Class<?> c : dontRollbackOn) {
                if (c.isInstance(t)) {
                    return false;
                }
            }
            for (Class<?> c : rollbackOn) {
                if (c.isInstance(t)) {
                    return true;
                }
            }
            return DEFAULT_RULE.test(t);
        };
    }

    /** Flushes and begins a savepoint ({@code session.beginNested()}), returning its handle. */
    public SubTransaction begin() {
        SavepointHandle parent = stack.peekLast();
        SavepointHandle handle = new SavepointHandle(this, parent, session.beginNested(), ++counter);
        stack.addLast(handle);
        return handle;
    }

    /** The innermost active sub-transaction, or {@code null}. */
    public SubTransaction current() {
        return stack.peekLast();
    }

    /** The session the savepoints belong to. */
    public Session session() {
        return session;
    }

    /**
     * Runs {@code work} in a new sub-transaction: released when the work returns (unless marked
     * rollback-only), rolled back when it throws an exception {@code rollbackOn} accepts, released
     * otherwise; the exception is rethrown either way. With no active JTA transaction and a
     * transaction manager, a JTA transaction is begun around it and ended the same way, as
     * {@code REQUIRED} does.
     */
    public <T> T call(Callable<T> work, Predicate<Throwable> rollbackOn) throws Exception {
        if (transactionManager == null || transactionManager.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return inSavepoint(work, rollbackOn);
        }
        transactionManager.begin();
        T result;
        try {
            result = inSavepoint(work, rollbackOn);
        } catch (Exception | Error e) {
            endJta(rollbackOn.test(e), e);
            throw e;
        }
        endJta(transactionManager.getStatus() != Status.STATUS_ACTIVE, null);
        return result;
    }

    private <T> T inSavepoint(Callable<T> work, Predicate<Throwable> rollbackOn) throws Exception {
        SubTransaction sp = begin();
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            try {
                end(sp, rollbackOn.test(e));
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        end(sp, sp.isRollbackOnly());
        return result;
    }

    private static void end(SubTransaction sp, boolean rollback) {
        if (!sp.isActive()) {
            return;
        }
        if (rollback || !sp.savepoint().isActive()) {
            sp.rollback();
        } else {
            sp.release();
        }
    }

    private void endJta(boolean rollback, Throwable failure) throws SystemException {
        try {
            if (rollback) {
                transactionManager.rollback();
            } else {
                transactionManager.commit();
            }
        } catch (Exception e) {
            if (failure == null) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
            }
            failure.addSuppressed(e);
        }
    }

    /** Ids a handle in messages and {@code toString()}. */
    String describe(int number) {
        return "sub-transaction #" + number + " of " + session;
    }
}
