package io.athanor.internal.transaction;

import io.athanor.InvalidRequestException;
import io.athanor.internal.messages.TransactionMessages;
import io.athanor.spi.ExternalTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's transaction tree and its lifecycle, as SQLAlchemy's {@code SessionTransaction}: the
 * current node, autobegin, savepoints, commit (inner savepoints first, then flush, then the
 * database, then expiry), rollback (the database, then the snapshot restore of the session's
 * memory), the failed-flush state, and the end of a lost connection. The session delegates here;
 * nothing else changes a node's state.
 */
public final class Transactions {
    private final TransactionHost host;
    private TransactionImpl current;
    private int savepoints;

    public Transactions(TransactionHost host) {
        this.host = host;
    }

    /** The innermost open node, or {@code null} outside a transaction. */
    public TransactionImpl current() {
        return current;
    }

    // ---- beginning -----------------------------------------------------------------------------

    /** The current transaction, begun when autobegin allows; raises when it is inactive. */
    public TransactionImpl active() {
        if (current == null) {
            ExternalTransaction external = host.currentExternal();
            if (external == null && !host.autobegin()) {
                throw new InvalidRequestException(TransactionMessages.autobeginOff());
            }
            startRoot(external);
        }
        current.checkActive();
        return current;
    }

    /** {@code session.begin()}: a root transaction; inside JTA, the joined one. */
    public TransactionImpl begin() {
        if (current != null && current.isExternal()) {
            return current;
        }
        if (current != null) {
            throw new InvalidRequestException(TransactionMessages.alreadyBegun());
        }
        startRoot(host.currentExternal());
        return current;
    }

    /** A root for {@code external} (or a resource-local one for {@code null}). */
    public void startRoot(ExternalTransaction external) {
        if (external != null && external.isRollbackOnly()) {
            throw new InvalidRequestException(TransactionMessages.jtaRollbackOnly());
        }
        TransactionImpl root = new TransactionImpl(this, null, null, external);
        if (external != null) {
            host.joined(root, external);
        }
        current = root;
    }

    /** {@code session.beginNested()}: flush, then a SAVEPOINT on every open connection. */
    public TransactionImpl beginNested() {
        TransactionImpl parent = active();
        if (parent.root().isExternal() && parent.root().external().isRollbackOnly()) {
            throw new InvalidRequestException(TransactionMessages.savepointInRollbackOnlyJta());
        }
        host.flush();
        TransactionImpl tx = new TransactionImpl(this, active(), "athanor_sp_" + (++savepoints), null);
        tx.beginSavepoint();
        current = tx;
        return tx;
    }

    // ---- commit --------------------------------------------------------------------------------

    /** {@code session.commit()}: the whole tree, beginning one if none is (SQLAlchemy commits an empty one). */
    public void commitAll() {
        if (current == null) {
            active();
        }
        checkNotExternal(current.root(), "commit");
        commit(current, true);
    }

    /** {@code transaction.commit()} of one node. */
    void commitNode(TransactionImpl tx) {
        checkNotExternal(tx, "commit");
        commit(tx, false);
    }

    /** Commits {@code tx} (its open savepoints first), and with {@code toRoot} every node up to the root. */
    private void commit(TransactionImpl tx, boolean toRoot) {
        host.enter();
        try {
            if (tx.state() != TxState.ACTIVE) {
                tx.checkActive();
            }
            while (current != tx) {
                // as SQLAlchemy's commit of an outer transaction: the savepoints open inside it commit first
                commit(current, false);
            }
            host.flush();
            if (!tx.nested()) {
                tx.closeCursors("commit()");
            }
            tx.commitDatabase();
            tx.markCommitted();
            if (tx.nested()) {
                tx.handOverToParent();
            } else {
                afterRootCommit(tx);
            }
            close(tx);
            if (toRoot && tx.parentNode() != null) {
                commit(tx.parentNode(), true);
            }
        } finally {
            host.exit();
        }
    }

    /** SQLAlchemy's {@code _remove_snapshot} for the root: deleted instances detach, everything expires. */
    private void afterRootCommit(TransactionImpl root) {
        for (var s : root.deleted) {
            host.states().deletedCommitted(s);
        }
        if (host.expireOnCommit()) {
            host.states().expireAll();
        }
    }

    // ---- rollback ------------------------------------------------------------------------------

    /** {@code session.rollback()}: the whole tree, if one is begun. */
    public void rollbackAll() {
        if (current != null) {
            checkNotExternal(current.root(), "rollback");
            rollback(current, true);
        }
    }

    /** {@code transaction.rollback()} of one node. */
    void rollbackNode(TransactionImpl tx) {
        checkNotExternal(tx, "rollback");
        rollback(tx, false);
    }

    /** Rolls back {@code tx} (its open savepoints with it), and with {@code toRoot} every node up to the root. */
    void rollback(TransactionImpl tx, boolean toRoot) {
        host.enter();
        try {
            if (tx.state() == TxState.COMMITTED || tx.state() == TxState.CLOSED) {
                throw new InvalidRequestException(TransactionMessages.alreadyEnded(tx, tx.state()));
            }
            while (current != tx && current != null) {
                TransactionImpl inner = current;
                inner.deactivate();
                inner.handOverToParent(); // what it did is undone with tx: tx's snapshot restore must see it
                close(inner);
            }
            RuntimeException failure = rollbackOnce(tx, toRoot);
            if (failure == null && host.states().hasChanges()) {
                // changes made while the transaction was inactive are discarded, as SQLAlchemy does
                SnapshotRestore.restore(tx, host.states(), tx.nested());
            }
            close(tx);
            if (failure != null) {
                throw failure;
            }
            if (toRoot && tx.parentNode() != null) {
                rollback(tx.parentNode(), true);
            }
        } finally {
            host.exit();
        }
    }

    /** The database rollback and memory restore of an active node; the failure to raise, if any. */
    private RuntimeException rollbackOnce(TransactionImpl tx, boolean toRoot) {
        tx.closeCursors(tx.nested() ? "the rollback of the savepoint it was opened in" : "rollback()");
        if (tx.state() != TxState.ACTIVE) {
            return null;
        }
        RuntimeException failure = tx.rollbackDatabase();
        tx.deactivate();
        SnapshotRestore.restore(tx, host.states(), tx.nested());
        if (tx.lostWith() != null) {
            endEnclosing(tx);
            if (toRoot) {
                return null; // rolling everything back is what the lost connection asks for
            }
        }
        return failure;
    }

    /** A failed flush rolls back the nearest transaction boundary at once and leaves it inactive. */
    public void failFlush(TransactionImpl tx, RuntimeException cause) {
        tx.closeCursors("a failed flush, which rolled its transaction back");
        RuntimeException rollbackFailure = tx.rollbackDatabase();
        if (rollbackFailure != null) {
            cause.addSuppressed(rollbackFailure);
        }
        tx.deactivateAfterFailedFlush(cause);
        SnapshotRestore.restore(tx, host.states(), tx.nested());
        if (tx.lostWith() != null) {
            endEnclosing(tx);
        }
    }

    /**
     * The connection died under the savepoint {@code tx}, and the database ended the whole transaction with it:
     * every enclosing transaction becomes inactive, refusing work until {@code rollback()} (SQLAlchemy's
     * invalidated connection), and the session's memory is rolled back as after a failed flush of the root.
     */
    private void endEnclosing(TransactionImpl tx) {
        for (TransactionImpl t = tx; t.parentNode() != null; t = t.parentNode()) {
            t.handOverToParent(); // the root's restore must see what the savepoints did
        }
        for (TransactionImpl t = tx.parentNode(); t != null; t = t.parentNode()) {
            t.deactivateLost(tx.lostWith());
        }
        TransactionImpl root = tx.root();
        if (root.isExternal()) {
            RuntimeException failure = root.rollbackDatabase(); // marks the JTA transaction rollback-only
            if (failure != null) {
                tx.lostWith().addSuppressed(failure);
            }
        }
        SnapshotRestore.restore(root, host.states(), false);
    }

    // ---- the external (JTA) outcome -----------------------------------------------------------

    /** The external transaction {@code root} joined ended: the session's tree follows its outcome. */
    public void completeExternally(TransactionImpl root, boolean committed) {
        if (current == null || current.root() != root) {
            return;
        }
        while (current != root) {
            TransactionImpl inner = current;
            inner.deactivate();
            close(inner);
        }
        if (committed) {
            root.committedByManager();
            afterRootCommit(root);
        } else {
            root.deactivate();
            SnapshotRestore.restore(root, host.states(), false);
        }
        close(root);
    }

    /**
     * A resource-local transaction that wrote nothing ends quietly so that the session can join an
     * external one; false (and nothing ended) when it holds changes.
     */
    public boolean endQuietlyIfUnwritten() {
        TransactionImpl root = current.root();
        if (root.wrote() || host.states().hasChanges()) {
            return false;
        }
        while (current != null) {
            TransactionImpl t = current;
            t.markClosed();
            close(t);
        }
        return true;
    }

    /** {@code commit()}/{@code rollback()} belong to the transaction manager when the session joined one. */
    public static void checkNotExternal(TransactionImpl tx, String operation) {
        if (tx.root().isExternal() && tx.parentNode() == null) {
            throw new InvalidRequestException(TransactionMessages.outcomeBelongsToJta(operation));
        }
    }

    // ---- closing -------------------------------------------------------------------------------

    private void close(TransactionImpl tx) {
        tx.markClosed();
        tx.endCursors();
        current = tx.parentNode();
        tx.releaseConnections();
    }

    /** {@code session.close()}: every node ends, its cursors closed, its connections returned. */
    public void closeAll() {
        if (current == null) {
            return;
        }
        TransactionImpl root = current.root();
        for (TransactionImpl t = current; t != null; t = t.parentNode()) {
            t.closeCursors("close()");
        }
        while (current != null) {
            close(current);
        }
        root.releaseConnections();
    }

    /** The instances deleted in every open node, for {@code expungeAll()}. */
    public List<java.util.Collection<io.athanor.internal.state.StateImpl>> deletedInOpenNodes() {
        List<java.util.Collection<io.athanor.internal.state.StateImpl>> all = new ArrayList<>();
        for (TransactionImpl t = current; t != null; t = t.parentNode()) {
            all.add(t.deleted);
        }
        return all;
    }
}
