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
import io.athanor.SessionTransaction;
import io.athanor.StreamedResult;
import io.athanor.core.spi.LoadingGuard;
import io.athanor.enhance.AttributeInterceptor;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.external.ExternalParticipation;
import io.athanor.internal.loading.AttributeLoader;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RegistryImpl;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.internal.query.StatementRunner;
import io.athanor.internal.state.Keys;
import io.athanor.internal.state.SessionStates;
import io.athanor.internal.state.StateImpl;
import io.athanor.internal.state.Status;
import io.athanor.internal.transaction.TransactionImpl;
import io.athanor.internal.transaction.Transactions;
import io.athanor.internal.transaction.TxState;
import io.athanor.internal.unitofwork.Flush;
import io.athanor.internal.unitofwork.Membership;
import io.athanor.sql.Select;
import io.athanor.sql.Statement;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session facade (SQLAlchemy's {@code Session}): each operation enters the thread guard and
 * delegates. The instances' bookkeeping is {@link SessionStates}; the transaction tree and its
 * lifecycle {@link Transactions}; joining JTA {@link ExternalParticipation}; the flush
 * {@link Flush}; cascades {@link Cascades}; loads {@link AttributeLoader} and {@link StatementRunner}.
 */
final class SessionImpl implements SessionContext {
    final SessionMakerImpl maker;
    final RegistryImpl registry;
    private final SessionStates states = new SessionStates(this);
    private final ThreadGuard guard = new ThreadGuard();
    private final Transactions transactions;
    private final ExternalParticipation external;
    private final StatementRunner statements;
    private final AttributeLoader attributes;
    private final Membership membership;
    private int noAutoflush;
    private boolean flushing;
    private volatile LoadingGuard loadingGuard;

    SessionImpl(SessionMakerImpl maker) {
        this.maker = maker;
        this.registry = maker.registry;
        SessionHost host = new SessionHost(this);
        this.transactions = new Transactions(host);
        this.external = maker.integration == null ? null
                : new ExternalParticipation(maker.integration, transactions, host, guard::quietOnCallingThread);
        this.statements = new StatementRunner(this);
        this.attributes = new AttributeLoader(this);
        this.membership = new Membership(this, states, attributes);
    }

    ExternalParticipation external() {
        return external;
    }

    // ---- thread confinement ----------------------------------------------------------------------

    public void enter() {
        if (guard.enter() && external != null) {
            try {
                external.onEnter();
            } catch (RuntimeException e) {
                exit();
                throw e;
            }
        }
    }

    public void exit() {
        guard.exit();
    }

    /** Runs one operation under the thread guard. */
    private void guarded(Runnable operation) {
        enter();
        try {
            operation.run();
        } finally {
            exit();
        }
    }

    private <T> T guarded(java.util.function.Supplier<T> operation) {
        enter();
        try {
            return operation.get();
        } finally {
            exit();
        }
    }

    /** A persistent instance of this session changed: a transaction begins (inside JTA: the session joins it). */
    @Override
    public void noteModified() {
        if (transactions.current() == null) {
            enter();
            try {
                autobegin();
            } finally {
                exit();
            }
        }
    }

    /** Use {@link LoadingGuard#install}: the guard consulted before a load on attribute access. */
    public void loadingGuard(LoadingGuard guard) {
        this.loadingGuard = guard;
    }

    private void guardLoad(StateImpl s, String attribute) {
        LoadingGuard g = loadingGuard;
        if (g != null) {
            g.beforeLoad(s.obj, attribute);
        }
    }

    // ---- collaborators ---------------------------------------------------------------------------

    @Override
    public SessionStates states() {
        return states;
    }

    public RegistryImpl registry() {
        return registry;
    }

    public SessionMakerImpl maker() {
        return maker;
    }

    public StatementRunner statements() {
        return statements;
    }

    public AttributeLoader attributeLoader() {
        return attributes;
    }

    /** The state of a mapped instance, created (transient) on first sight. */
    public StateImpl state(Object instance) {
        return maker.provider.state(registry, instance);
    }

    public Dialect dialectFor(Mapper mapper) {
        return bindFor(mapper).dialect();
    }

    public EngineImpl bindFor(Mapper mapper) {
        return maker.bindFor(mapper);
    }

    /** The current transaction, begun when autobegin allows; raises when it is inactive. */
    public TransactionImpl activeTransaction() {
        return transactions.active();
    }

    /** The innermost open transaction node, or {@code null}. */
    public TransactionImpl currentNode() {
        return transactions.current();
    }

    public Connection connection(Mapper mapper) {
        return activeTransaction().connection(bindFor(mapper));
    }

    // ---- unit of work ----------------------------------------------------------------------------

    @Override
    public void add(Object instance) {
        enter();
        try {
            membership.add(state(instance));
            autobegin();
        } finally {
            exit();
        }
    }

    /** SQLAlchemy's {@code _autobegin_t} on attaching or changing an instance: a transaction begins, when autobegin allows. */
    private void autobegin() {
        if (transactions.current() == null && (maker.autobegin || (external != null && external.current() != null))) {
            transactions.active();
        }
    }

    @Override
    public void addAll(Collection<?> instances) {
        enter();
        try {
            for (Object o : instances) {
                membership.addOnly(state(o));
            }
            autobegin();
        } finally {
            exit();
        }
    }

    @Override
    public void delete(Object instance) {
        guarded(() -> {
            membership.deleteRequested(state(instance));
            autobegin(); // SQLAlchemy's _delete_impl attaches through _before_attach, which autobegins
        });
    }

    /** save-update cascade: related objects reachable through loaded relationships join the session. */
    public void cascadeSaveFrom(StateImpl s) {
        membership.cascadeSaveFrom(s);
    }

    @Override
    public void cascadeAdd(RelationshipModel r, Object value) {
        membership.cascadeAdd(r, value);
    }

    /** Marks a persistent state deleted, and what its delete cascades reach (loading them first). */
    public void deleteState(StateImpl s) {
        membership.delete(s);
    }

    @Override
    public void expungeState(StateImpl s) {
        membership.expunge(s);
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

    public void autoflush() {
        if (maker.autoflush && noAutoflush == 0 && !flushing) {
            doFlush();
        }
    }

    void doFlush() {
        if (flushing) {
            throw new InvalidRequestException(SessionMessages.alreadyFlushing());
        }
        if (!states.hasChanges()) {
            return;
        }
        TransactionImpl tx = transactions.active();
        flushing = true;
        try {
            new Flush(this, tx).run();
        } catch (RuntimeException e) {
            transactions.failFlush(tx, e);
            throw e;
        } finally {
            flushing = false;
        }
    }

    // ---- commit, rollback, close -----------------------------------------------------------------

    @Override
    public void commit() {
        guarded(() -> transactions.commitAll());
    }

    @Override
    public void rollback() {
        guarded(() -> transactions.rollbackAll());
    }

    /** Flags an attribute modified under the thread guard. */
    public void flagModified(StateImpl s, String attribute) {
        guarded(() -> s.flagModified(attribute));
    }

    @Override
    public void close() {
        enter();
        try {
            List<Collection<StateImpl>> deleted = transactions.deletedInOpenNodes();
            transactions.closeAll();
            states.detachAll(deleted);
        } finally {
            exit();
        }
    }

    // ---- expunge, expire, refresh, attribute loads -----------------------------------------------

    @Override
    public void expunge(Object instance) {
        enter();
        try {
            StateImpl s = state(instance);
            if (s.owner() != this) {
                throw new InvalidRequestException(SessionMessages.notInSession(s.describe()));
            }
            expungeState(s);
        } finally {
            exit();
        }
    }

    @Override
    public void expungeAll() {
        guarded(() -> states.detachAll(transactions.deletedInOpenNodes()));
    }

    private StateImpl persistentState(Object instance, String operation) {
        StateImpl s = state(instance);
        if (s.owner() != this || s.status() != Status.PERSISTENT) {
            throw new InvalidRequestException(SessionMessages.notPersistentHere(operation, s.describe(), s.status()));
        }
        return s;
    }

    @Override
    public void expire(Object instance, String... attributes) {
        guarded(() -> new Expiry(this).expire(persistentState(instance, "expire"), attributes));
    }

    @Override
    public void expireAll() {
        guarded(() -> states.expireAll());
    }

    @Override
    public void refresh(Object instance, String... attributes) {
        guarded(() -> new Expiry(this).refresh(persistentState(instance, "refresh"), attributes));
    }

    @Override
    public void loadUnloaded(StateImpl s, int trigger) {
        guardLoad(s, s.mapper.fieldName(trigger));
        enter();
        try {
            attributes.loadUnloaded(s, trigger);
        } finally {
            exit();
        }
    }

    @Override
    public void loadRelationship(StateImpl s, RelationshipModel r) {
        guardLoad(s, r.name());
        enter();
        try {
            attributes.loadRelationship(s, r);
        } finally {
            exit();
        }
    }

    /** The related objects of a relationship, loading it first when needed. */
    public List<Object> relationshipValues(StateImpl s, RelationshipModel r) {
        return attributes.relationshipValues(s, r);
    }

    // ---- reads -----------------------------------------------------------------------------------

    @Override
    public <T> T get(Class<T> type, Object id) {
        enter();
        try {
            Mapper m = registry.mapper(type);
            Object key = Keys.normalize(m, id);
            StateImpl s = states.identity().get(new IdentityKey(m.identityClass(), key));
            if (s != null) {
                if (!type.isInstance(s.obj)) {
                    return null;
                }
                if (wholeObjectExpired(s)) {
                    try {
                        loadUnloaded(s, s.nextUnloaded(0));
                    } catch (ObjectDeletedException gone) {
                        states.deleted(s);
                        transactions.current().recordDeleted(s);
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
            throw new NoResultException(StatementMessages.noRowWithKey(type, id));
        }
        return found;
    }

    @Override
    public <T> ScalarResult<T> scalars(Select<T> select) {
        return guarded(() -> statements.scalars(select));
    }

    @Override
    public Result execute(Statement statement) {
        return execute(statement, Map.of());
    }

    @Override
    public Result execute(Statement statement, Map<String, ?> parameters) {
        return guarded(() -> statements.execute(statement, parameters));
    }

    @Override
    public StreamedResult<Row> stream(Statement statement, int yieldPer) {
        return stream(statement, Map.of(), yieldPer);
    }

    @Override
    public StreamedResult<Row> stream(Statement statement, Map<String, ?> parameters, int yieldPer) {
        return guarded(() -> statements.stream(statement, parameters, yieldPer));
    }

    @Override
    public <T> StreamedResult<T> streamScalars(Select<T> select, int yieldPer) {
        return guarded(() -> statements.streamScalars(select, yieldPer));
    }

    @Override
    public <T> T merge(T instance) {
        return merge(instance, true);
    }

    @Override
    public <T> T merge(T instance, boolean load) {
        return guarded(() -> new Merge(this).merge(instance, load));
    }

    // ---- inspection ------------------------------------------------------------------------------

    @Override
    public boolean contains(Object instance) {
        AttributeInterceptor i = instance instanceof Enhanced e ? e.$athanor$interceptor() : null;
        // a deleted instance is out of the identity map until commit detaches it (SQLAlchemy's `in`)
        return i instanceof StateImpl s && s.owner() == this && s.status() != Status.DELETED;
    }

    @Override
    public boolean isModified(Object instance) {
        return state(instance).hasNetChanges();
    }

    @Override
    public Set<Object> getNew() {
        return states.newObjects();
    }

    @Override
    public Set<Object> getDirty() {
        return states.dirtyObjects();
    }

    @Override
    public Set<Object> getDeleted() {
        return states.deletedObjects();
    }

    @Override
    public Map<IdentityKey, Object> identityMap() {
        return states.identityMapView();
    }

    // ---- transactions ----------------------------------------------------------------------------

    @Override
    public SessionTransaction begin() {
        return guarded(() -> transactions.begin());
    }

    @Override
    public SessionTransaction beginNested() {
        return guarded(() -> transactions.beginNested());
    }

    @Override
    public boolean inTransaction() {
        return transactions.current() != null;
    }

    @Override
    public boolean inNestedTransaction() {
        TransactionImpl t = transactions.current();
        return t != null && t.isNested();
    }

    @Override
    public boolean isActive() {
        TransactionImpl t = transactions.current();
        return t == null || t.state() == TxState.ACTIVE;
    }

    @Override
    public SessionTransaction currentTransaction() {
        return transactions.current();
    }

    @Override
    public Engine getBind(Object mapperOrTable) {
        if (mapperOrTable instanceof Class<?> c) {
            return bindFor(registry.mapper(c));
        }
        if (mapperOrTable instanceof String table) {
            return maker.bindForTable(table);
        }
        throw new InvalidRequestException(SessionMessages.badBindArgument(mapperOrTable));
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
        return guarded(() -> activeTransaction().connection(maker.defaultBind()));
    }
}
