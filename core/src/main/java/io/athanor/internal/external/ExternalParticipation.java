package io.athanor.internal.external;

import io.athanor.InvalidRequestException;
import io.athanor.internal.messages.TransactionMessages;
import io.athanor.internal.transaction.TransactionHost;
import io.athanor.internal.transaction.TransactionImpl;
import io.athanor.internal.transaction.Transactions;
import io.athanor.internal.transaction.TxState;
import io.athanor.spi.ExternalTransaction;
import io.athanor.spi.TransactionIntegration;
import java.util.function.BooleanSupplier;

/**
 * A session's participation in external (JTA) transactions, through the integration the
 * {@code SessionMaker} was given: joining the active one at first use, flushing in its
 * {@code beforeCompletion}, following its outcome in {@code afterCompletion} (at once on the
 * session's own thread, or at the session's next use when reported on another), and refusing what
 * would land in the wrong transaction. Core knows no JTA: the integration adapts it.
 */
public final class ExternalParticipation {
    private final TransactionIntegration integration;
    private final Transactions transactions;
    private final TransactionHost host;
    private final BooleanSupplier quietOnCallingThread;

    public ExternalParticipation(TransactionIntegration integration, Transactions transactions, TransactionHost host,
                                 BooleanSupplier quietOnCallingThread) {
        this.integration = integration;
        this.transactions = transactions;
        this.host = host;
        this.quietOnCallingThread = quietOnCallingThread;
    }

    /** The external transaction active on the calling thread, or {@code null}. */
    public ExternalTransaction current() {
        return integration.current();
    }

    /** At the outermost entry of a session operation: apply a deferred outcome, then join or check. */
    public void onEnter() {
        TransactionImpl t = transactions.current();
        if (t != null && t.root().hasDeferredOutcome()) {
            Boolean outcome = t.root().takeDeferredOutcome();
            if (outcome != null) {
                transactions.completeExternally(t.root(), outcome);
            }
        }
        TransactionImpl now = transactions.current();
        if (now != null && !now.root().isExternal()) {
            leaveLocalForExternal();
        } else if (now != null) {
            checkSameExternal(now.root());
        }
        if (transactions.current() == null) {
            joinActive();
        }
    }

    /**
     * Joins the active external transaction as soon as the session is used in it, so that work that
     * needs no SQL yet (add, delete) is still flushed at its completion. A rollback-only transaction is
     * not joined here: operations that need it raise ATHANOR-3012.
     */
    private void joinActive() {
        ExternalTransaction external = integration.current();
        if (external != null && !external.isRollbackOnly()) {
            transactions.startRoot(external);
        }
    }

    /**
     * A JTA transaction began while the session still had a resource-local one (opened by a read
     * outside JTA). A local transaction that wrote nothing is ended quietly so the session can join;
     * one holding changes can't be merged into JTA work and is refused.
     */
    private void leaveLocalForExternal() {
        if (integration.current() == null) {
            return;
        }
        if (!transactions.endQuietlyIfUnwritten()) {
            throw new InvalidRequestException(TransactionMessages.localTransactionInJta());
        }
    }

    /**
     * The session joined one JTA transaction and is now used while another is active (a
     * REQUIRES_NEW method suspended the first): its work would silently land in the first one.
     */
    private void checkSameExternal(TransactionImpl root) {
        ExternalTransaction now = integration.current();
        if (now != null && root.state() == TxState.ACTIVE && !now.id().equals(root.external().id())) {
            throw new InvalidRequestException(TransactionMessages.joinedJtaSuspended());
        }
    }

    /** A new root joined {@code external}: flush before its completion, follow its outcome after. */
    public void register(TransactionImpl root, ExternalTransaction external) {
        external.register(new ExternalTransaction.Completion() {
            @Override
            public void beforeCompletion() {
                flushBeforeCompletion(root);
            }

            @Override
            public void afterCompletion(boolean committed) {
                completed(root, committed);
            }
        });
    }

    /** JTA beforeCompletion: flush; a failure marks the transaction rollback-only and propagates. */
    private void flushBeforeCompletion(TransactionImpl root) {
        host.enter();
        try {
            TransactionImpl current = transactions.current();
            if (root.state() != TxState.ACTIVE || current == null || current.root() != root) {
                if (root.state() == TxState.DEACTIVE) {
                    root.external().setRollbackOnly();
                }
                return;
            }
            try {
                host.flush();
            } catch (RuntimeException e) {
                root.external().setRollbackOnly();
                throw e;
            }
        } finally {
            host.exit();
        }
    }

    /** JTA afterCompletion: applied now on the session's own thread, or at its next use when reported elsewhere. */
    private void completed(TransactionImpl root, boolean committed) {
        if (root.state() == TxState.CLOSED || root.state() == TxState.COMMITTED) {
            return;
        }
        if (quietOnCallingThread.getAsBoolean()) {
            host.enter();
            try {
                root.takeDeferredOutcome();
                transactions.completeExternally(root, committed);
            } finally {
                host.exit();
            }
        } else {
            root.deferOutcome(committed);
        }
    }
}
