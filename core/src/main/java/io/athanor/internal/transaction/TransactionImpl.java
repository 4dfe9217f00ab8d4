package io.athanor.internal.transaction;

import io.athanor.DatabaseException;
import io.athanor.InvalidRequestException;
import io.athanor.PendingRollbackException;
import io.athanor.SessionTransaction;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.Jdbc;
import io.athanor.internal.messages.TransactionMessages;
import io.athanor.internal.state.StateImpl;
import io.athanor.spi.ExternalTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a session's transaction tree: the root (one connection per engine) or a savepoint.
 * Each node records the instances its flushes inserted, updated and deleted, and the identity keys
 * they switched, so that rolling it back restores exactly SQLAlchemy's in-memory result
 * ({@link SnapshotRestore}). Its state changes only through the transitions below; the tree
 * ({@link Transactions}) decides when.
 */
public final class TransactionImpl implements SessionTransaction {
    private final Transactions tree;
    private final TransactionImpl parent;
    private final boolean nested;
    private TxState state = TxState.ACTIVE;
    /** The failed flush that deactivated this node, or {@code null}. */
    private RuntimeException rollbackCause;
    /**
     * The failure with which the connection died under this transaction: the database ended the whole
     * transaction with it, so this one refuses work until {@code session.rollback()}.
     */
    private RuntimeException lostWith;

    /**
     * The instances this transaction inserted, in order; a list, since a flush of many rows appends
     * them all (an instance inserted twice, around a rolled-back savepoint, is listed twice; the
     * rollback that reads it removes repeats).
     */
    final List<StateImpl> inserted = new ArrayList<>();
    final Set<StateImpl> updated = new LinkedHashSet<>();
    final Set<StateImpl> deleted = new LinkedHashSet<>();
    /** Instances whose primary key an UPDATE changed, with their key before it. */
    final Map<StateImpl, Object> keySwitches = new LinkedHashMap<>();

    /** Root only: a connection per engine, in the order they were opened. */
    private final Map<EngineImpl, Connection> connections;
    /** Savepoints only: the savepoint's name. */
    private final String savepoint;
    /** Root only: the external (JTA) transaction joined, or {@code null} for a resource-local one. */
    private final ExternalTransaction external;
    /** Root only: an outcome reported on another thread, applied at the session's next use. */
    private volatile Boolean deferredOutcome;
    /** The open cursors of streamed results opened in this node (allocated on first use). */
    private List<OpenCursor> cursors;

    TransactionImpl(Transactions tree, TransactionImpl parent, String savepoint, ExternalTransaction external) {
        this.tree = tree;
        this.parent = parent;
        this.nested = parent != null;
        this.savepoint = savepoint;
        this.external = external;
        this.connections = parent == null ? new LinkedHashMap<>() : null;
    }

    public TransactionImpl root() {
        TransactionImpl t = this;
        while (t.parent != null) {
            t = t.parent;
        }
        return t;
    }

    public TransactionImpl parentNode() {
        return parent;
    }

    public TxState state() {
        return state;
    }

    /** Whether this is a root that joined an external transaction. */
    public boolean isExternal() {
        return parent == null && external != null;
    }

    /** Root only: the joined external transaction, or {@code null}. */
    public ExternalTransaction external() {
        return external;
    }

    // ---- state transitions (each state is assigned here only) ------------------------------------

    /** Rolled back (at the database or by the external transaction's end): no further SQL runs in it. */
    void deactivate() {
        if (state == TxState.ACTIVE) {
            state = TxState.DEACTIVE;
        }
    }

    /** A flush failed in this node: rolled back at once, refusing work until rolled back by the caller. */
    void deactivateAfterFailedFlush(RuntimeException cause) {
        state = TxState.DEACTIVE;
        rollbackCause = cause;
    }

    /** The connection died under a savepoint of this node: inactive until {@code session.rollback()}. */
    void deactivateLost(RuntimeException lost) {
        state = TxState.DEACTIVE;
        lostWith = lost;
    }

    void markCommitted() {
        if (state != TxState.ACTIVE) {
            throw new IllegalStateException("only an active transaction commits, not " + this);
        }
        state = TxState.COMMITTED;
    }

    /** The external transaction's manager committed it (the session did not: it only flushed). */
    void committedByManager() {
        state = TxState.COMMITTED;
    }

    /** Ended: closed, unless it committed (which it stays). */
    void markClosed() {
        if (state != TxState.COMMITTED) {
            state = TxState.CLOSED;
        }
    }

    RuntimeException lostWith() {
        return lostWith;
    }

    boolean nested() {
        return nested;
    }

    // ---- what the flushes of this node did ---------------------------------------------------

    public void recordInserted(StateImpl s) {
        inserted.add(s);
    }

    public void recordUpdated(StateImpl s) {
        updated.add(s);
    }

    public void recordDeleted(StateImpl s) {
        deleted.add(s);
    }

    /** Remembers the key an UPDATE is about to change, the first time only. */
    public void recordKeySwitch(StateImpl s, Object oldKey) {
        keySwitches.putIfAbsent(s, oldKey);
    }

    /** Whether anything was written in this node or its savepoints handed over to it. */
    boolean wrote() {
        return !inserted.isEmpty() || !updated.isEmpty() || !deleted.isEmpty();
    }

    /** Savepoints only: what this one inserted, updated, deleted and re-keyed becomes the parent's. */
    void handOverToParent() {
        parent.inserted.addAll(inserted);
        parent.updated.addAll(updated);
        parent.deleted.addAll(deleted);
        keySwitches.forEach(parent.keySwitches::putIfAbsent);
    }

    // ---- the external outcome --------------------------------------------------------------------

    /** Root only: records an outcome reported on a thread other than the session's. */
    public void deferOutcome(boolean committed) {
        deferredOutcome = committed;
    }

    /** Root only: the deferred outcome, taken (cleared) by the caller, or {@code null}. */
    public Boolean takeDeferredOutcome() {
        Boolean outcome = deferredOutcome;
        deferredOutcome = null;
        return outcome;
    }

    public boolean hasDeferredOutcome() {
        return deferredOutcome != null;
    }

    // ---- connections ---------------------------------------------------------------------------

    /** The root's connection to {@code engine}, opened on first use with every open savepoint set on it. */
    public Connection connection(EngineImpl engine) {
        TransactionImpl root = root();
        Connection c = root.connections.get(engine);
        if (c == null) {
            c = engine.connect(root.external != null);
            root.connections.put(engine, c);
            List<TransactionImpl> open = new ArrayList<>();
            for (TransactionImpl t = this; t.parent != null; t = t.parent) {
                open.add(0, t);
            }
            for (TransactionImpl t : open) {
                Jdbc.run(engine, c, "SAVEPOINT " + t.savepoint);
            }
        }
        return c;
    }

    Map<EngineImpl, Connection> connections() {
        return root().connections;
    }

    /** Emits SAVEPOINT on every connection the session uses now. */
    void beginSavepoint() {
        for (Map.Entry<EngineImpl, Connection> e : connections().entrySet()) {
            Jdbc.run(e.getKey(), e.getValue(), "SAVEPOINT " + savepoint);
        }
    }

    /** Raises unless SQL may run in this node, saying why not and what to do. */
    public void checkActive() {
        if (state == TxState.DEACTIVE && lostWith != null) {
            throw new PendingRollbackException(TransactionMessages.rolledBackWithConnection(lostWith), lostWith);
        }
        if (state == TxState.DEACTIVE) {
            if (rollbackCause != null) {
                throw new PendingRollbackException(TransactionMessages.flushFailedPendingRollback(nested, rollbackCause),
                        rollbackCause);
            }
            throw new InvalidRequestException(TransactionMessages.inactiveAfterRollback());
        }
        if (state != TxState.ACTIVE) {
            throw new InvalidRequestException(TransactionMessages.transactionNoLongerUsable(state));
        }
    }

    // ---- SessionTransaction --------------------------------------------------------------------

    @Override
    public void commit() {
        tree.commitNode(this);
    }

    @Override
    public void rollback() {
        tree.rollbackNode(this);
    }

    @Override
    public void close() {
        if (state == TxState.ACTIVE || state == TxState.DEACTIVE) {
            tree.rollback(this, false);
        }
    }

    @Override
    public boolean isNested() {
        return nested;
    }

    @Override
    public boolean isActive() {
        return state == TxState.ACTIVE;
    }

    @Override
    public SessionTransaction parent() {
        return parent;
    }

    // ---- cursors -------------------------------------------------------------------------------

    public void addCursor(OpenCursor cursor) {
        if (cursors == null) {
            cursors = new ArrayList<>(2);
        }
        cursors.add(cursor);
    }

    public void removeCursor(OpenCursor cursor) {
        if (cursors != null) {
            cursors.remove(cursor);
        }
    }

    /** Closes the cursors opened in this node; using them afterwards raises, naming {@code reason}. */
    void closeCursors(String reason) {
        if (cursors != null && !cursors.isEmpty()) {
            for (OpenCursor c : new ArrayList<>(cursors)) {
                c.closedBySession(reason);
            }
            cursors.clear();
        }
    }

    /**
     * The node ends: a released savepoint's cursors stay open in its parent (RELEASE keeps them at the
     * database); any other end closes them.
     */
    void endCursors() {
        if (cursors == null || cursors.isEmpty()) {
            return;
        }
        if (nested && state == TxState.COMMITTED) {
            for (OpenCursor c : cursors) {
                c.movedTo(parent);
                parent.addCursor(c);
            }
            cursors.clear();
        } else {
            closeCursors(nested ? "the end of the savepoint it was opened in" : "the end of its transaction");
        }
    }

    // ---- the database side -------------------------------------------------------------------

    /** Commits (or releases) at the database. */
    void commitDatabase() {
        if (nested) {
            for (Map.Entry<EngineImpl, Connection> e : connections().entrySet()) {
                Jdbc.run(e.getKey(), e.getValue(), "RELEASE SAVEPOINT " + savepoint);
            }
            return;
        }
        for (Map.Entry<EngineImpl, Connection> e : connections.entrySet()) {
            try {
                e.getValue().commit();
            } catch (SQLException ex) {
                throw Errors.database(TransactionMessages.commitFailed(e.getKey()), ex, "COMMIT");
            }
        }
    }

    /**
     * Rolls back at the database; returns the first failure, if any, after trying every connection.
     * A joined external transaction is not rolled back here but marked rollback-only: its manager
     * owns the outcome. A savepoint whose connection turns out to be lost records it in {@link #lostWith}:
     * the database ended the whole transaction, and the caller must end the enclosing ones too.
     */
    RuntimeException rollbackDatabase() {
        if (isExternal()) {
            try {
                external.setRollbackOnly();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }
        RuntimeException failure = null;
        for (Map.Entry<EngineImpl, Connection> e : connections().entrySet()) {
            try {
                if (nested) {
                    rollbackToSavepoint(e.getKey(), e.getValue());
                } else {
                    e.getValue().rollback();
                }
            } catch (SQLException ex) {
                if (Errors.connectionLost(ex)) {
                    continue; // the server ended the connection, and its transaction with it: nothing to roll back
                }
                failure = failure != null ? failure
                        : Errors.database(TransactionMessages.rollbackFailed(e.getKey()), ex, "ROLLBACK");
            } catch (RuntimeException ex) {
                failure = failure != null ? failure : ex;
            }
        }
        return failure;
    }

    private void rollbackToSavepoint(EngineImpl engine, Connection c) {
        String sql = "ROLLBACK TO SAVEPOINT " + savepoint;
        try {
            Jdbc.run(engine, c, sql);
        } catch (DatabaseException e) {
            if (!(e.getCause() instanceof SQLException cause) || !Errors.connectionLost(cause)) {
                throw e;
            }
            lostWith = Errors.database(TransactionMessages.connectionLost(engine, sql), cause, sql);
            throw lostWith;
        }
    }

    /** Returns the root's connections to their pool (rolling back anything uncommitted). */
    void releaseConnections() {
        if (nested) {
            return;
        }
        for (Connection c : connections.values()) {
            try {
                if (external == null && !c.isClosed() && state != TxState.COMMITTED) {
                    c.rollback();
                }
            } catch (SQLException ignored) {
                // the connection is going back to the pool (or away); the pool validates it
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
        connections.clear();
    }

    @Override
    public String toString() {
        return (nested ? "SessionTransaction[savepoint " + savepoint : "SessionTransaction[root") + ", " + state + "]";
    }
}
