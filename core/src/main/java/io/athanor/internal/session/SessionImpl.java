package io.athanor.internal.session;

import io.athanor.Dialect;
import io.athanor.Engine;
import io.athanor.IdentityKey;
import io.athanor.InvalidRequestException;
import io.athanor.NoAutoflush;
import io.athanor.NoResultException;
import io.athanor.ObjectDeletedException;
import io.athanor.Result;
import io.athanor.Row;
import io.athanor.ScalarResult;
import io.athanor.Session;
import io.athanor.SessionTransaction;
import io.athanor.StreamedResult;
import io.athanor.enhance.AttributeInterceptor;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.SqlLog;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RegistryImpl;
import io.athanor.sql.Select;
import io.athanor.spi.ExternalTransaction;
import io.athanor.sql.Statement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The session: identity map, pending/modified/deleted bookkeeping, the transaction tree and the
 * flush. Queries and statements are delegated to {@link StatementRunner}; SQL for one mapper to
 * {@link Persister}.
 */
public final class SessionImpl implements Session {
    final SessionMakerImpl maker;
    final RegistryImpl registry;
    final IdentityMap identity = new IdentityMap();
    final Set<StateImpl> pending = new LinkedHashSet<>();
    final Set<StateImpl> markedDeleted = new LinkedHashSet<>();
    final Set<StateImpl> modifiedStates = new LinkedHashSet<>();
    TransactionImpl transaction;
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private volatile Thread lastThread;
    private int depth;
    private int noAutoflush;
    private boolean flushing;
    private long order;
    private int savepoints;
    private final StatementRunner statements;
    private volatile io.athanor.spi.LoadingGuard loadingGuard;

    SessionImpl(SessionMakerImpl maker) {
        this.maker = maker;
        this.registry = maker.registry;
        this.statements = new StatementRunner(this);
    }

    // ---- thread confinement ----------------------------------------------------------------------

    void enter() {
        Thread me = Thread.currentThread();
        Thread current = owner.get();
        if (current != me) {
            if (!owner.compareAndSet(null, me)) {
                Thread other = owner.get();
                throw new InvalidRequestException("ATHANOR-2002: this session is being used by thread '"
                        + (other == null ? "?" : other.getName()) + "' while thread '" + me.getName() + "' called it. "
                        + "A Session is not thread-safe: open one session per thread (or per request)");
            }
        }
        if (depth++ == 0) {
            if (lastThread != me) {
                // a volatile write costs a full fence: skipped when the same thread comes back
                lastThread = me;
            }
            TransactionImpl t = transaction;
            try {
                if (t != null && t.root().deferredOutcome != null) {
                    completeExternal(t.root(), t.root().deferredOutcome);
                }
                if (maker.integration != null) {
                    if (transaction != null && !transaction.root().isExternal()) {
                        leaveLocalForExternal();
                    } else if (transaction != null) {
                        checkSameExternal(transaction.root());
                    }
                    if (transaction == null) {
                        joinExternal();
                    }
                }
            } catch (RuntimeException e) {
                exit();
                throw e;
            }
        }
    }

    /**
     * Joins the active external (JTA) transaction as soon as the session is used in it, so that
     * work that needs no SQL yet (add, delete) is still flushed at its completion. A rollback-only
     * transaction is not joined here: operations that need it raise ATHANOR-3012.
     */
    private void joinExternal() {
        ExternalTransaction external = maker.integration.current();
        if (external != null && !external.isRollbackOnly()) {
            startRoot(external);
        }
    }

    /**
     * A JTA transaction began while the session still had a resource-local one (opened by a read
     * outside JTA). A local transaction that wrote nothing is ended quietly so the session can join;
     * one holding changes can't be merged into JTA work and is refused.
     */
    private void leaveLocalForExternal() {
        ExternalTransaction external = maker.integration.current();
        if (external == null) {
            return;
        }
        TransactionImpl root = transaction.root();
        boolean wrote = !root.inserted.isEmpty() || !root.updated.isEmpty() || !root.deleted.isEmpty()
                || !pending.isEmpty() || !markedDeleted.isEmpty() || !modifiedStates.isEmpty();
        if (wrote) {
            throw new InvalidRequestException("ATHANOR-3014: a JTA transaction is active, but this session still has "
                    + "a resource-local transaction with changes begun outside it: commit or roll back the session "
                    + "before entering the JTA transaction");
        }
        while (transaction != null) {
            TransactionImpl t = transaction;
            t.state = TxState.CLOSED;
            closeTransaction(t);
        }
    }

    /**
     * The session joined one JTA transaction and is now used while another is active (a
     * REQUIRES_NEW method suspended the first): its work would silently land in the first one.
     */
    private void checkSameExternal(TransactionImpl root) {
        ExternalTransaction now = maker.integration.current();
        if (now != null && root.state == TxState.ACTIVE && !now.id().equals(root.external.id())) {
            throw new InvalidRequestException("ATHANOR-3015: this session joined a JTA transaction that is now "
                    + "suspended, and it is being used inside another one (REQUIRES_NEW or a nested UserTransaction): "
                    + "its work would land in the suspended transaction. Use a separate session there, for example "
                    + "sessionMaker.open() in the REQUIRES_NEW method");
        }
    }

    /** An instance of this session changed: inside JTA, join the transaction so the change is flushed. */
    void noteModified() {
        if (transaction == null && maker.integration != null && depth == 0) {
            enter();
            exit();
        }
    }

    void exit() {
        if (--depth == 0) {
            // a release store: whatever hands the session to another thread orders it before that thread's enter()
            owner.setRelease(null);
        }
    }

    /** Use {@link io.athanor.spi.LoadingGuard#install}: the guard consulted before a load on attribute access. */
    public void loadingGuard(io.athanor.spi.LoadingGuard guard) {
        this.loadingGuard = guard;
    }

    private void guardLoad(StateImpl s, String attribute) {
        io.athanor.spi.LoadingGuard guard = loadingGuard;
        if (guard != null) {
            guard.beforeLoad(s.obj, attribute);
        }
    }

    // ---- states ----------------------------------------------------------------------------------

    /** The state of a mapped instance, created (transient) on first sight. */
    StateImpl state(Object instance) {
        return maker.provider.state(registry, instance);
    }

    /** Makes {@code state} persistent in this session under its {@code key}. */
    void attachPersistent(StateImpl state) {
        state.status = Status.PERSISTENT;
        state.session = this;
        state.order = order++;
        state.commitAll();
        state.markAllLoaded();
        identity.put(state.mapper.type(), state.key, state);
        state.obj.$athanor$interceptor(state);
    }

    private void detach(StateImpl s, boolean toTransient) {
        if (s.session != this) {
            return;
        }
        if (s.key != null) {
            IdentityKey k = new IdentityKey(s.mapper.type(), s.key);
            if (identity.get(k) == s) {
                identity.remove(k);
            }
        }
        pending.remove(s);
        markedDeleted.remove(s);
        modifiedStates.remove(s);
        s.markedDeleted = false;
        s.session = null;
        if (s.mapper.listened()) {
            s.detached();
        }
        if (toTransient || s.status == Status.PENDING || s.status == Status.TRANSIENT) {
            s.status = Status.TRANSIENT;
            s.key = null;
        } else {
            s.status = Status.DETACHED;
        }
    }

    Dialect dialectFor(Mapper mapper) {
        return bindFor(mapper).dialect();
    }

    EngineImpl bindFor(Mapper mapper) {
        return maker.bindFor(mapper);
    }

    // ---- unit of work ----------------------------------------------------------------------------

    @Override
    public void add(Object instance) {
        enter();
        try {
            StateImpl s = state(instance);
            addState(s);
            cascadeSaveFrom(s);
        } finally {
            exit();
        }
    }

    /** save-update cascade: related objects reachable through loaded relationships join the session. */
    void cascadeSaveFrom(StateImpl s) {
        if (s.mapper.relationships().length == 0) {
            return;
        }
        java.util.ArrayDeque<StateImpl> work = new java.util.ArrayDeque<>();
        work.push(s);
        while (!work.isEmpty()) {
            StateImpl current = work.pop();
            for (io.athanor.internal.mapping.RelationshipModel r : current.mapper.relationships()) {
                if (!r.cascade().saveUpdate()) {
                    continue;
                }
                for (Object related : Relationships.related(current, r)) {
                    StateImpl t = Relationships.stateOf(r.target(), related);
                    if (t.session != this && (t.status == Status.TRANSIENT || t.status == Status.DETACHED)) {
                        addState(t);
                        work.push(t);
                    }
                }
            }
        }
    }

    /** save-update cascade from one relationship change of an instance in this session. */
    void cascadeAdd(io.athanor.internal.mapping.RelationshipModel r, Object value) {
        StateImpl t = Relationships.stateOf(r.target(), value);
        if (t.session == this || (t.status != Status.TRANSIENT && t.status != Status.DETACHED)) {
            return;
        }
        addState(t);
        cascadeSaveFrom(t);
    }

    /** The related objects of a relationship, loading it first when needed. */
    List<Object> relationshipValues(StateImpl s, io.athanor.internal.mapping.RelationshipModel r) {
        if (s.isUnloaded(r.fieldIndex())) {
            if (s.key == null) {
                return List.of();
            }
            new RelationshipLoader(this).load(s, r, false);
        }
        return Relationships.related(s, r);
    }

    /** The loading strategy of a relationship of an object on access: its query's option, else the mapping's. */
    io.athanor.mapping.Lazy loadStrategy(StateImpl s, io.athanor.internal.mapping.RelationshipModel r) {
        return s.accessStrategy(r);
    }

    /** Called by the interceptor: loads a relationship on first access. */
    void loadRelationship(StateImpl s, io.athanor.internal.mapping.RelationshipModel r) {
        guardLoad(s, r.name());
        enter();
        try {
            new RelationshipLoader(this).load(s, r, true);
        } finally {
            exit();
        }
    }

    private void addState(StateImpl s) {
        if (s.session != null && s.session != this) {
            throw new InvalidRequestException("ATHANOR-2003: " + s.describe() + " is already attached to another "
                    + "session: expunge it there first, or use merge() to copy it into this one");
        }
        switch (s.status) {
            case TRANSIENT -> {
                s.status = Status.PENDING;
                s.session = this;
                s.order = order++;
                pending.add(s);
                s.attached();
            }
            case DETACHED -> {
                IdentityKey k = new IdentityKey(s.mapper.type(), s.key);
                StateImpl there = identity.get(k);
                if (there != null && there != s) {
                    throw new InvalidRequestException("ATHANOR-2004: can't attach " + s.describe() + " because another "
                            + "instance with the key " + k + " is already in this session: use merge() instead");
                }
                s.status = Status.PERSISTENT;
                s.session = this;
                identity.put(k, s);
                if (s.modified) {
                    modifiedStates.add(s);
                }
                s.attached();
            }
            case DELETED -> throw new InvalidRequestException("ATHANOR-2005: " + s.describe() + " was deleted in this "
                    + "transaction; it cannot be added again until the transaction ends");
            default -> {
                // pending or persistent here already: nothing to do (SQLAlchemy's save-update is idempotent)
            }
        }
    }

    @Override
    public void addAll(Collection<?> instances) {
        enter();
        try {
            for (Object o : instances) {
                addState(state(o));
            }
        } finally {
            exit();
        }
    }

    @Override
    public void delete(Object instance) {
        enter();
        try {
            StateImpl s = state(instance);
            switch (s.status) {
                case TRANSIENT -> throw new InvalidRequestException("ATHANOR-2006: " + s.describe()
                        + " is not persisted: there is nothing to delete");
                case PENDING -> throw new InvalidRequestException("ATHANOR-2007: " + s.describe()
                        + " is pending, not persisted: use expunge() to take it out of the session");
                case DELETED -> {
                    return;
                }
                case DETACHED -> addState(s);
                default -> {
                }
            }
            if (s.session != this) {
                throw new InvalidRequestException("ATHANOR-2003: " + s.describe() + " is attached to another session");
            }
            deleteState(s);
        } finally {
            exit();
        }
    }

    /** Marks a persistent state deleted, and what its delete cascades reach. */
    void deleteState(StateImpl s) {
        if (s.markedDeleted) {
            return;
        }
        s.markedDeleted = true;
        markedDeleted.add(s);
        for (io.athanor.internal.mapping.RelationshipModel r : s.mapper.relationships()) {
            if (!r.cascade().delete() || (r.passiveDeletes() && s.isUnloaded(r.fieldIndex()))) {
                continue;
            }
            for (Object related : relationshipValues(s, r)) {
                StateImpl t = Relationships.stateOf(r.target(), related);
                if (t.session == this && t.status == Status.PERSISTENT) {
                    deleteState(t);
                } else if (t.session == this && t.status == Status.PENDING) {
                    expungeState(t);
                }
            }
        }
    }

    /** Removes a state from the session, and what its expunge cascades reach. */
    void expungeState(StateImpl s) {
        if (s.session != this) {
            return;
        }
        detach(s, false);
        for (io.athanor.internal.mapping.RelationshipModel r : s.mapper.relationships()) {
            if (r.cascade().expunge()) {
                for (Object related : Relationships.related(s, r)) {
                    expungeState(Relationships.stateOf(r.target(), related));
                }
            }
        }
    }

    @Override
    public void flush() {
        enter();
        try {
            doFlush();
        } finally {
            exit();
        }
    }

    void autoflush() {
        if (maker.autoflush && noAutoflush == 0 && !flushing) {
            doFlush();
        }
    }

    void doFlush() {
        if (flushing) {
            throw new InvalidRequestException("ATHANOR-2008: the session is already flushing");
        }
        if (pending.isEmpty() && markedDeleted.isEmpty() && modifiedStates.isEmpty()) {
            return;
        }
        TransactionImpl tx = activeTransaction();
        flushing = true;
        try {
            new Flush(this, tx).run();
        } catch (RuntimeException e) {
            failFlush(tx, e);
            throw e;
        } finally {
            flushing = false;
        }
    }

    /** A failed flush rolls back the nearest transaction boundary at once and leaves it inactive. */
    private void failFlush(TransactionImpl tx, RuntimeException cause) {
        tx.closeCursors("a failed flush, which rolled its transaction back");
        RuntimeException rollbackFailure = tx.rollbackDatabase();
        if (rollbackFailure != null) {
            cause.addSuppressed(rollbackFailure);
        }
        tx.state = TxState.DEACTIVE;
        tx.rollbackCause = cause;
        restoreSnapshot(tx, tx.nested);
        if (tx.lostWith != null) {
            endEnclosing(tx);
        }
    }

    /**
     * The connection died under the savepoint {@code tx}, and the database ended the whole transaction with it:
     * every enclosing transaction becomes inactive, refusing work until {@code rollback()} (SQLAlchemy's
     * invalidated connection), and the session's memory is rolled back as after a failed flush of the root.
     */
    private void endEnclosing(TransactionImpl tx) {
        for (TransactionImpl t = tx; t.parent != null; t = t.parent) {
            t.handOverToParent(); // the root's restore must see what the savepoints did
        }
        for (TransactionImpl t = tx.parent; t != null; t = t.parent) {
            t.state = TxState.DEACTIVE;
            t.lostWith = tx.lostWith;
        }
        TransactionImpl root = tx.root();
        if (root.isExternal()) {
            RuntimeException failure = root.rollbackDatabase(); // marks the JTA transaction rollback-only
            if (failure != null) {
                tx.lostWith.addSuppressed(failure);
            }
        }
        restoreSnapshot(root, false);
    }

    /** The current transaction, begun when autobegin allows; raises when it is inactive. */
    TransactionImpl activeTransaction() {
        if (transaction == null) {
            ExternalTransaction external = maker.integration == null ? null : maker.integration.current();
            if (external == null && !maker.autobegin) {
                throw new InvalidRequestException("ATHANOR-3006: autobegin is off and no transaction is begun: "
                        + "call session.begin() first");
            }
            startRoot(external);
        }
        transaction.checkActive();
        return transaction;
    }

    private void startRoot(ExternalTransaction external) {
        TransactionImpl root = new TransactionImpl(this, null, null);
        if (external != null) {
            if (external.isRollbackOnly()) {
                throw new InvalidRequestException("ATHANOR-3012: the JTA transaction is marked rollback-only, so the "
                        + "session does not join it: no work can commit in it. Let it end, then begin a new one");
            }
            root.external = external;
            external.register(new ExternalTransaction.Completion() {
                @Override
                public void beforeCompletion() {
                    flushBeforeCompletion(root);
                }

                @Override
                public void afterCompletion(boolean committed) {
                    externalCompleted(root, committed);
                }
            });
        }
        transaction = root;
    }

    /** JTA beforeCompletion: flush; a failure marks the transaction rollback-only and propagates. */
    private void flushBeforeCompletion(TransactionImpl root) {
        enter();
        try {
            if (root.state != TxState.ACTIVE || transaction == null || transaction.root() != root) {
                if (root.state == TxState.DEACTIVE) {
                    root.external.setRollbackOnly();
                }
                return;
            }
            try {
                doFlush();
            } catch (RuntimeException e) {
                root.external.setRollbackOnly();
                throw e;
            }
        } finally {
            exit();
        }
    }

    /** JTA afterCompletion: applied now on the session's own thread, or at its next use when reported elsewhere. */
    private void externalCompleted(TransactionImpl root, boolean committed) {
        if (root.state == TxState.CLOSED || root.state == TxState.COMMITTED) {
            return;
        }
        Thread me = Thread.currentThread();
        Thread using = owner.get();
        if ((using == null || using == me) && lastThread == me) {
            enter();
            try {
                completeExternal(root, committed);
            } finally {
                exit();
            }
        } else {
            root.deferredOutcome = committed;
        }
    }

    private void completeExternal(TransactionImpl root, boolean committed) {
        root.deferredOutcome = null;
        if (transaction == null || transaction.root() != root) {
            return;
        }
        while (transaction != root) {
            TransactionImpl inner = transaction;
            inner.state = TxState.DEACTIVE;
            closeTransaction(inner);
        }
        if (committed) {
            root.state = TxState.COMMITTED;
            afterRootCommit(root);
        } else {
            root.state = TxState.DEACTIVE;
            restoreSnapshot(root, false);
        }
        closeTransaction(root);
    }

    /** {@code commit()}/{@code rollback()} belong to the transaction manager when the session joined one. */
    void checkNotExternal(TransactionImpl tx, String operation) {
        if (tx.root().isExternal() && tx.parent == null) {
            throw new InvalidRequestException("ATHANOR-3011: can't " + operation + " here: the session joined a JTA "
                    + "transaction, whose outcome belongs to the transaction manager. End it through the "
                    + "UserTransaction, @Transactional or the EJB container; savepoints (beginNested) still work");
        }
    }

    Connection connection(Mapper mapper) {
        return activeTransaction().connection(bindFor(mapper));
    }

    // ---- commit and rollback ---------------------------------------------------------------------

    @Override
    public void commit() {
        enter();
        try {
            if (transaction == null) {
                activeTransaction();
            }
            checkNotExternal(transaction.root(), "commit");
            commitTransaction(transaction, true);
        } finally {
            exit();
        }
    }

    @Override
    public void rollback() {
        enter();
        try {
            if (transaction != null) {
                checkNotExternal(transaction.root(), "rollback");
                rollbackTransaction(transaction, true);
            }
        } finally {
            exit();
        }
    }

    void commitTransaction(TransactionImpl tx, boolean toRoot) {
        enter();
        try {
            if (tx.state != TxState.ACTIVE) {
                tx.checkActive();
            }
            while (transaction != tx) {
                // as SQLAlchemy's commit of an outer transaction: the savepoints open inside it commit first
                commitTransaction(transaction, false);
            }
            doFlush();
            if (!tx.nested) {
                tx.closeCursors("commit()");
            }
            tx.commitDatabase();
            tx.state = TxState.COMMITTED;
            if (tx.nested) {
                tx.handOverToParent();
            } else {
                afterRootCommit(tx);
            }
            closeTransaction(tx);
            if (toRoot && tx.parent != null) {
                commitTransaction(tx.parent, true);
            }
        } finally {
            exit();
        }
    }

    void rollbackTransaction(TransactionImpl tx, boolean toRoot) {
        enter();
        try {
            if (tx.state == TxState.COMMITTED || tx.state == TxState.CLOSED) {
                throw new InvalidRequestException("ATHANOR-3008: " + tx + " is already " + tx.state.name().toLowerCase());
            }
            while (transaction != tx && transaction != null) {
                TransactionImpl inner = transaction;
                inner.state = TxState.DEACTIVE;
                inner.handOverToParent(); // what it did is undone with tx: tx's snapshot restore must see it
                closeTransaction(inner);
            }
            RuntimeException failure = null;
            tx.closeCursors(tx.nested ? "the rollback of the savepoint it was opened in" : "rollback()");
            if (tx.state == TxState.ACTIVE) {
                failure = tx.rollbackDatabase();
                tx.state = TxState.DEACTIVE;
                restoreSnapshot(tx, tx.nested);
                if (tx.lostWith != null) {
                    endEnclosing(tx);
                    if (toRoot) {
                        failure = null; // rolling everything back is what the lost connection asks for
                    }
                }
            }
            if (failure == null && !(pending.isEmpty() && markedDeleted.isEmpty() && modifiedStates.isEmpty())) {
                // changes made while the transaction was inactive are discarded, as SQLAlchemy does
                restoreSnapshot(tx, tx.nested);
            }
            closeTransaction(tx);
            if (failure != null) {
                throw failure;
            }
            if (toRoot && tx.parent != null) {
                rollbackTransaction(tx.parent, true);
            }
        } finally {
            exit();
        }
    }

    /** SQLAlchemy's {@code _remove_snapshot} for the root: deleted instances detach, everything expires. */
    private void afterRootCommit(TransactionImpl root) {
        for (StateImpl s : root.deleted) {
            if (s.status == Status.DELETED) {
                s.session = null;
                s.status = Status.DETACHED;
            }
        }
        if (maker.expireOnCommit) {
            for (StateImpl s : identity.values()) {
                s.expireAll();
            }
            modifiedStates.clear();
        }
    }

    /** Flags an attribute modified under the thread guard. */
    public void flagModified(StateImpl s, String attribute) {
        enter();
        try {
            s.flagModified(attribute);
        } finally {
            exit();
        }
    }

    private void closeTransaction(TransactionImpl tx) {
        if (tx.state != TxState.COMMITTED) {
            tx.state = TxState.CLOSED;
        }
        tx.endCursors();
        transaction = tx.parent;
        tx.releaseConnections();
    }

    /** SQLAlchemy's {@code _restore_snapshot}: the in-memory effect of rolling back {@code tx}. */
    private void restoreSnapshot(TransactionImpl tx, boolean dirtyOnly) {
        Set<StateImpl> toExpunge = new LinkedHashSet<>(tx.inserted);
        toExpunge.addAll(pending);
        for (StateImpl s : toExpunge) {
            if (s.session == this) {
                detach(s, true);
            } else if (s.status == Status.PENDING || (s.status == Status.DETACHED && s.session == null)) {
                // an instance inserted here and expunged since loses its key with the row: transient
                s.status = Status.TRANSIENT;
            }
            s.key = null;
        }
        for (Map.Entry<StateImpl, Object> e : tx.keySwitches.entrySet()) {
            StateImpl s = e.getKey();
            IdentityKey now = new IdentityKey(s.mapper.type(), s.key);
            if (identity.get(now) == s) {
                identity.remove(now);
            }
            s.key = e.getValue();
            if (!toExpunge.contains(s) && s.session == this) {
                identity.put(new IdentityKey(s.mapper.type(), s.key), s);
            }
        }
        Set<StateImpl> revert = new LinkedHashSet<>(tx.deleted);
        revert.addAll(markedDeleted);
        for (StateImpl s : revert) {
            s.markedDeleted = false;
            if (s.status == Status.DELETED || s.session == this) {
                s.status = Status.PERSISTENT;
                s.session = this;
                identity.put(new IdentityKey(s.mapper.type(), s.key), s);
            }
        }
        markedDeleted.clear();
        for (StateImpl s : identity.values()) {
            if (!dirtyOnly || s.modified || tx.updated.contains(s)) {
                s.expireAll();
                modifiedStates.remove(s);
            }
        }
    }

    @Override
    public void close() {
        enter();
        try {
            if (transaction != null) {
                TransactionImpl root = transaction.root();
                for (TransactionImpl t = transaction; t != null; t = t.parent) {
                    t.closeCursors("close()");
                }
                while (transaction != null) {
                    closeTransaction(transaction);
                }
                root.releaseConnections();
            }
            expungeAllStates();
        } finally {
            exit();
        }
    }

    // ---- expunge, expire, refresh ----------------------------------------------------------------

    @Override
    public void expunge(Object instance) {
        enter();
        try {
            StateImpl s = state(instance);
            if (s.session != this) {
                throw new InvalidRequestException("ATHANOR-2009: " + s.describe() + " is not present in this session");
            }
            expungeState(s);
        } finally {
            exit();
        }
    }

    @Override
    public void expungeAll() {
        enter();
        try {
            expungeAllStates();
        } finally {
            exit();
        }
    }

    private void expungeAllStates() {
        // every state leaves at once: the collections are cleared below, not entry by entry
        for (StateImpl s : identity.values()) {
            leave(s);
        }
        for (StateImpl s : pending) {
            leave(s);
        }
        for (StateImpl s : markedDeleted) {
            leave(s);
        }
        for (TransactionImpl t = transaction; t != null; t = t.parent) {
            for (StateImpl s : t.deleted) {
                leave(s);
            }
        }
        identity.clear();
        pending.clear();
        markedDeleted.clear();
        modifiedStates.clear();
    }

    /** One state's part of {@link #expungeAllStates()}: it no longer belongs to this session. */
    private void leave(StateImpl s) {
        if (s.session == this || s.status == Status.DELETED) {
            s.markedDeleted = false;
            s.session = null;
            if (s.mapper.listened()) {
                s.detached();
            }
            if (s.status == Status.PENDING || s.status == Status.TRANSIENT) {
                s.status = Status.TRANSIENT;
                s.key = null;
            } else {
                s.status = Status.DETACHED;
            }
        }
    }

    private StateImpl persistentState(Object instance, String operation) {
        StateImpl s = state(instance);
        if (s.session != this || s.status != Status.PERSISTENT) {
            throw new InvalidRequestException("ATHANOR-2012: can't " + operation + " " + s.describe()
                    + ": it is not persistent within this session (it is " + s.status.name().toLowerCase() + ")");
        }
        return s;
    }

    private BitSet fields(StateImpl s, String[] attributes) {
        BitSet fields = new BitSet();
        if (attributes == null || attributes.length == 0) {
            for (ColumnModel c : s.mapper.columns()) {
                fields.set(c.fieldIndex());
            }
            return fields;
        }
        for (String name : attributes) {
            ColumnModel c = s.mapper.column(name);
            io.athanor.internal.mapping.RelationshipModel r = c == null ? s.mapper.relationship(name) : null;
            if (r != null) {
                fields.set(r.fieldIndex());
                continue;
            }
            if (c == null) {
                throw new InvalidRequestException("ATHANOR-2011: " + s.mapper.type().getName()
                        + " has no mapped attribute '" + name + "'");
            }
            fields.set(c.fieldIndex());
        }
        return fields;
    }

    @Override
    public void expire(Object instance, String... attributes) {
        enter();
        try {
            StateImpl s = persistentState(instance, "expire");
            expireState(s, attributes);
        } finally {
            exit();
        }
    }

    @Override
    public void expireAll() {
        enter();
        try {
            for (StateImpl s : identity.values()) {
                s.expireAll();
            }
            modifiedStates.clear();
        } finally {
            exit();
        }
    }

    @Override
    public void refresh(Object instance, String... attributes) {
        enter();
        try {
            StateImpl s = persistentState(instance, "refresh");
            expireState(s, attributes);
            autoflush();
            BitSet columns = fields(s, attributes);
            for (io.athanor.internal.mapping.RelationshipModel r : s.mapper.relationships()) {
                columns.clear(r.fieldIndex());
            }
            if (!columns.isEmpty()) {
                loadFields(s, columns);
            }
        } finally {
            exit();
        }
    }

    /**
     * SQLAlchemy's {@code _expire_state}: the named attributes, or everything, relationships
     * included; a whole-object expire follows the refresh-expire cascade (related pending objects
     * are expunged, persistent ones expired).
     */
    private void expireState(StateImpl s, String[] attributes) {
        if (attributes != null && attributes.length > 0) {
            s.expire(fields(s, attributes));
        } else {
            List<StateImpl> cascaded = new ArrayList<>();
            java.util.ArrayDeque<StateImpl> work = new java.util.ArrayDeque<>(List.of(s));
            java.util.Set<StateImpl> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            seen.add(s);
            while (!work.isEmpty()) {
                StateImpl current = work.pop();
                for (io.athanor.internal.mapping.RelationshipModel r : current.mapper.relationships()) {
                    if (!r.cascade().refreshExpire()) {
                        continue;
                    }
                    for (Object related : Relationships.related(current, r)) {
                        StateImpl t = Relationships.stateOf(r.target(), related);
                        if (t.session == this && seen.add(t)) {
                            cascaded.add(t);
                            work.push(t);
                        }
                    }
                }
            }
            s.expireAll();
            for (StateImpl t : cascaded) {
                if (t.key != null) {
                    t.expireAll();
                    if (!t.modified) {
                        modifiedStates.remove(t);
                    }
                } else if (t.status == Status.PENDING) {
                    expungeState(t);
                }
            }
        }
        if (!s.modified) {
            modifiedStates.remove(s);
        }
    }

    /** Called by the interceptor: loads every unloaded column of the instance in one SELECT. */
    void loadUnloaded(StateImpl s, int trigger) {
        guardLoad(s, s.mapper.fieldName(trigger));
        enter();
        try {
            if (s.status == Status.DELETED) {
                throw new ObjectDeletedException("ATHANOR-2013: " + s.describe() + " was deleted in this transaction; "
                        + "its attribute '" + s.mapper.fieldName(trigger) + "' can no longer be loaded");
            }
            BitSet fields = new BitSet();
            for (ColumnModel c : s.mapper.columns()) {
                if (s.isUnloaded(c.fieldIndex())) {
                    fields.set(c.fieldIndex());
                }
            }
            if (!fields.isEmpty()) {
                loadFields(s, fields);
            }
        } finally {
            exit();
        }
    }

    /** SELECTs the given fields of a persistent instance by key; {@link ObjectDeletedException} if the row is gone. */
    private void loadFields(StateImpl s, BitSet fields) {
        Mapper m = s.mapper;
        BitSet positions = new BitSet();
        List<ColumnModel> cols = new ArrayList<>();
        for (ColumnModel c : m.columns()) {
            if (fields.get(c.fieldIndex())) {
                positions.set(c.position());
                cols.add(c);
            }
        }
        EngineImpl engine = bindFor(m);
        String sql = m.statements(engine.dialect()).selectByKey(positions);
        Object[] key = m.keyValues(s.key);
        Connection c = activeTransaction().connection(engine);
        SqlLog.statement(engine, sql, List.of(key));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < key.length; i++) {
                m.primaryKey()[i].codec().bind(ps, i + 1, key[i], engine.dialect());
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ObjectDeletedException("ATHANOR-2014: the row of " + s.describe() + " is gone: another "
                            + "transaction deleted it, or it was never committed. Expunge the instance, or roll back");
                }
                for (int i = 0; i < cols.size(); i++) {
                    ColumnModel col = cols.get(i);
                    if (!s.isChanged(col.fieldIndex())) {
                        s.load(col, col.read(rs, i + 1, engine.dialect()));
                    }
                    s.markLoaded(col.fieldIndex());
                }
            }
        } catch (SQLException e) {
            throw Errors.database("ATHANOR-2015: loading " + s.describe() + " failed", e, sql);
        }
    }

    // ---- reads -----------------------------------------------------------------------------------

    @Override
    public <T> T get(Class<T> type, Object id) {
        enter();
        try {
            Mapper m = registry.mapper(type);
            Object key = Keys.normalize(m, id);
            StateImpl s = identity.get(new IdentityKey(m.type(), key));
            if (s != null) {
                if (s.markedDeleted) {
                    return null;
                }
                if (wholeObjectExpired(s)) {
                    try {
                        loadUnloaded(s, s.nextUnloaded(0));
                    } catch (ObjectDeletedException gone) {
                        goneFromDatabase(s);
                        return null;
                    }
                }
                return type.cast(s.obj);
            }
            autoflush();
            return type.cast(statements.loadByKey(m, key));
        } finally {
            exit();
        }
    }

    /** SQLAlchemy's {@code _remove_newly_deleted} for a row found gone: deleted in this transaction, out of the identity map. */
    private void goneFromDatabase(StateImpl s) {
        IdentityKey k = new IdentityKey(s.mapper.type(), s.key);
        if (identity.get(k) == s) {
            identity.remove(k);
        }
        s.markedDeleted = false;
        markedDeleted.remove(s);
        modifiedStates.remove(s);
        s.status = Status.DELETED;
        transaction.deleted.add(s);
    }

    /**
     * SQLAlchemy's {@code state.expired}: the whole instance was expired (commit, rollback, expire
     * with no attribute names), which takes its key attributes with it. Only then does {@code get()}
     * go to the database; a partly expired instance is returned as it is.
     */
    private static boolean wholeObjectExpired(StateImpl s) {
        for (ColumnModel k : s.mapper.primaryKey()) {
            if (s.isUnloaded(k.fieldIndex())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <T> T getOne(Class<T> type, Object id) {
        T found = get(type, id);
        if (found == null) {
            throw new NoResultException("ATHANOR-4001: no " + type.getSimpleName() + " with primary key " + id);
        }
        return found;
    }

    @Override
    public <T> ScalarResult<T> scalars(Select<T> select) {
        enter();
        try {
            return statements.scalars(select);
        } finally {
            exit();
        }
    }

    @Override
    public Result execute(Statement statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Result execute(Statement statement, Map<String, ?> parameters) {
        enter();
        try {
            return statements.execute(statement, parameters);
        } finally {
            exit();
        }
    }

    @Override
    public StreamedResult<Row> stream(Statement statement, int yieldPer) {
        return stream(statement, Map.of(), yieldPer);
    }

    @Override
    public StreamedResult<Row> stream(Statement statement, Map<String, ?> parameters, int yieldPer) {
        enter();
        try {
            return statements.stream(statement, parameters, yieldPer);
        } finally {
            exit();
        }
    }

    @Override
    public <T> StreamedResult<T> streamScalars(Select<T> select, int yieldPer) {
        enter();
        try {
            return statements.streamScalars(select, yieldPer);
        } finally {
            exit();
        }
    }

    @Override
    public <T> T merge(T instance) {
        return merge(instance, true);
    }

    @Override
    public <T> T merge(T instance, boolean load) {
        enter();
        try {
            return new Merge(this).merge(instance, load);
        } finally {
            exit();
        }
    }

    // ---- inspection ------------------------------------------------------------------------------

    @Override
    public boolean contains(Object instance) {
        AttributeInterceptor i = instance instanceof Enhanced e ? e.$athanor$interceptor() : null;
        return i instanceof StateImpl s && s.session == this;
    }

    @Override
    public boolean isModified(Object instance) {
        return state(instance).hasNetChanges();
    }

    private static Set<Object> identitySet(Collection<StateImpl> states) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (StateImpl s : states) {
            set.add(s.obj);
        }
        return Collections.unmodifiableSet(set);
    }

    @Override
    public Set<Object> getNew() {
        return identitySet(pending);
    }

    @Override
    public Set<Object> getDirty() {
        List<StateImpl> dirty = new ArrayList<>();
        for (StateImpl s : modifiedStates) {
            if (!s.markedDeleted) {
                dirty.add(s);
            }
        }
        return identitySet(dirty);
    }

    @Override
    public Set<Object> getDeleted() {
        return identitySet(markedDeleted);
    }

    @Override
    public Map<IdentityKey, Object> identityMap() {
        // in the order the instances entered the session, as a dict keeps insertion order
        List<Map.Entry<IdentityKey, StateImpl>> entries = new ArrayList<>(identity.size());
        identity.forEach((k, s) -> entries.add(Map.entry(k, s)));
        entries.sort(java.util.Comparator.comparingLong(e -> e.getValue().order));
        Map<IdentityKey, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<IdentityKey, StateImpl> e : entries) {
            copy.put(e.getKey(), e.getValue().obj);
        }
        return Collections.unmodifiableMap(copy);
    }

    // ---- transactions ----------------------------------------------------------------------------

    @Override
    public SessionTransaction begin() {
        enter();
        try {
            if (transaction != null && transaction.isExternal()) {
                return transaction; // inside JTA the root is the joined transaction
            }
            if (transaction != null) {
                throw new InvalidRequestException("ATHANOR-3009: a transaction is already begun on this session: use "
                        + "beginNested() for a savepoint, or commit/roll back the current one first");
            }
            startRoot(maker.integration == null ? null : maker.integration.current());
            return transaction;
        } finally {
            exit();
        }
    }

    @Override
    public SessionTransaction beginNested() {
        enter();
        try {
            TransactionImpl current = activeTransaction();
            if (current.root().isExternal() && current.root().external.isRollbackOnly()) {
                throw new InvalidRequestException("ATHANOR-3013: can't begin a savepoint: the JTA transaction is "
                        + "marked rollback-only, so nothing done in it can commit");
            }
            doFlush();
            TransactionImpl tx = new TransactionImpl(this, activeTransaction(), "athanor_sp_" + (++savepoints));
            tx.beginSavepoint();
            transaction = tx;
            return tx;
        } finally {
            exit();
        }
    }

    @Override
    public boolean inTransaction() {
        return transaction != null;
    }

    @Override
    public boolean inNestedTransaction() {
        return transaction != null && transaction.nested;
    }

    @Override
    public boolean isActive() {
        return transaction == null || transaction.state == TxState.ACTIVE;
    }

    @Override
    public SessionTransaction currentTransaction() {
        return transaction;
    }

    @Override
    public Engine getBind(Object mapperOrTable) {
        if (mapperOrTable instanceof Class<?> c) {
            return bindFor(registry.mapper(c));
        }
        if (mapperOrTable instanceof String table) {
            return maker.bindForTable(table);
        }
        throw new InvalidRequestException("ATHANOR-2016: getBind takes a mapped class or a table name, got "
                + mapperOrTable);
    }

    @Override
    public NoAutoflush noAutoflush() {
        noAutoflush++;
        return new NoAutoflush() {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    noAutoflush--;
                }
            }
        };
    }

    @Override
    public Connection connection() {
        enter();
        try {
            return activeTransaction().connection(maker.defaultBind());
        } finally {
            exit();
        }
    }

    long nextOrder() {
        return order++;
    }

    StatementRunner statements() {
        return statements;
    }
}
