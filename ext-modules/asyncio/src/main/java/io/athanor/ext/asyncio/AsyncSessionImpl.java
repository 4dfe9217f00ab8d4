package io.athanor.ext.asyncio;

import io.athanor.DatabaseException;
import io.athanor.Result;
import io.athanor.Row;
import io.athanor.ScalarResult;
import io.athanor.Session;
import io.athanor.core.spi.LoadingGuard;
import io.athanor.core.spi.MappedAttributes;
import io.athanor.sql.Select;
import io.athanor.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/** An async session: a core {@link Session} whose every use is an operation on its {@link Lane}. */
final class AsyncSessionImpl implements AsyncSession {
    private final Session session;
    private final AsyncSessionMakerImpl maker;
    private final Lane lane;

    AsyncSessionImpl(Session session, AsyncSessionMakerImpl maker) {
        this.session = session;
        this.maker = maker;
        this.lane = new Lane(maker.executor(), maker.slots(), session::inTransaction);
        LoadingGuard.install(session, new LaneGuard(lane));
        AsyncSessions.register(session, this);
    }

    Lane lane() {
        return lane;
    }

    /** Queues {@code work} after the caller was checked (ATHANOR-8508 inside a JTA transaction, when configured). */
    <T> CompletableFuture<T> submit(String operation, Function<Session, T> work) {
        maker.checkCaller(operation);
        return lane.submit(() -> work.apply(session));
    }

    /** Queues {@code work} without checking the caller: closing is always allowed. */
    <T> CompletableFuture<T> submitUnchecked(Function<Session, T> work) {
        return lane.submit(() -> work.apply(session));
    }

    private CompletionStage<Void> run(String operation, Consumer<Session> work) {
        return submit(operation, s -> {
            work.accept(s);
            return null;
        });
    }

    @Override
    public <T> CompletionStage<T> runSync(Function<Session, T> work) {
        return submit("runSync", work);
    }

    @Override
    public CompletionStage<Void> add(Object instance) {
        return run("add", s -> s.add(instance));
    }

    @Override
    public CompletionStage<Void> addAll(Collection<?> instances) {
        return run("addAll", s -> s.addAll(instances));
    }

    @Override
    public CompletionStage<Void> delete(Object instance) {
        return run("delete", s -> s.delete(instance));
    }

    @Override
    public CompletionStage<Void> flush() {
        return run("flush", Session::flush);
    }

    @Override
    public CompletionStage<Void> commit() {
        return run("commit", Session::commit);
    }

    @Override
    public CompletionStage<Void> rollback() {
        return run("rollback", Session::rollback);
    }

    @Override
    public CompletionStage<Void> close() {
        return submitUnchecked(s -> {
            s.close();
            return null;
        });
    }

    @Override
    public CompletionStage<Void> reset() {
        return close();
    }

    @Override
    public CompletionStage<Void> invalidate() {
        return submitUnchecked(s -> {
            if (s.inTransaction()) {
                invalidate(s.connection());
            }
            s.close();
            return null;
        });
    }

    /**
     * Aborts the driver's connection under the pool's wrapper (reached through its metadata, a local
     * call), then the wrapper, which hands the ended connection back to the pool: Agroal drops it when
     * its reset fails with a connection error. A driver whose abort does nothing (H2's) keeps the
     * connection open: then it is left to {@code close()}, which rolls it back and returns it.
     */
    private static void invalidate(Connection pooled) {
        Connection physical = pooled;
        try {
            Connection inner = pooled.getMetaData().getConnection();
            physical = inner == null ? pooled : inner;
        } catch (SQLException | RuntimeException e) {
            // an unusable connection: abort the wrapper only
        }
        try {
            physical.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // ended as far as the driver can; the wrapper's abort below still tells the pool
        }
        if (physical != pooled && isClosed(physical)) {
            try {
                pooled.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // Agroal marks the connection for removal when its abort fails
            }
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    @Override
    public <T> CompletionStage<T> merge(T instance) {
        return submit("merge", s -> s.merge(instance));
    }

    @Override
    public <T> CompletionStage<T> merge(T instance, boolean load) {
        return submit("merge", s -> s.merge(instance, load));
    }

    @Override
    public CompletionStage<Void> refresh(Object instance, String... attributes) {
        String[] names = attributes.clone();
        return run("refresh", s -> {
            s.refresh(instance, names);
            loadRelationships(instance, names);
        });
    }

    /**
     * Reads each named relationship on the lane, so that it is loaded when refresh's stage completes
     * (the synchronous refresh may leave it expired); a loaded one costs nothing. A relationship
     * mapped {@code RAISE} or {@code NOLOAD} is left as the refresh left it: reading one would raise,
     * or never load.
     */
    private static void loadRelationships(Object instance, String[] names) {
        for (String name : names) {
            if (MappedAttributes.relationship(instance.getClass(), name).isPresent()
                    && Attributes.loadsOnAccess(instance.getClass(), name)) {
                Attributes.read(instance, name);
            }
        }
    }

    @Override
    public CompletionStage<Void> expire(Object instance, String... attributes) {
        String[] names = attributes.clone();
        return run("expire", s -> s.expire(instance, names));
    }

    @Override
    public CompletionStage<Void> expireAll() {
        return run("expireAll", Session::expireAll);
    }

    @Override
    public CompletionStage<Void> expunge(Object instance) {
        return run("expunge", s -> s.expunge(instance));
    }

    @Override
    public CompletionStage<Void> expungeAll() {
        return run("expungeAll", Session::expungeAll);
    }

    @Override
    public <T> CompletionStage<T> get(Class<T> type, Object id) {
        return submit("get", s -> s.get(type, id));
    }

    @Override
    public <T> CompletionStage<T> getOne(Class<T> type, Object id) {
        return submit("getOne", s -> s.getOne(type, id));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> scalar(Select<T> select) {
        return submit("scalar", s -> (T) s.execute(select).scalar());
    }

    @Override
    public CompletionStage<Object> scalar(Statement statement) {
        return submit("scalar", s -> s.execute(statement).scalar());
    }

    @Override
    public CompletionStage<Object> scalar(Statement statement, Map<String, ?> parameters) {
        Map<String, ?> copy = Map.copyOf(parameters);
        return submit("scalar", s -> s.execute(statement, copy).scalar());
    }

    @Override
    public <T> CompletionStage<ScalarResult<T>> scalars(Select<T> select) {
        return submit("scalars", s -> s.scalars(select));
    }

    @Override
    public CompletionStage<Result> execute(Statement statement) {
        return submit("execute", s -> s.execute(statement));
    }

    @Override
    public CompletionStage<Result> execute(Statement statement, Map<String, ?> parameters) {
        Map<String, ?> copy = Map.copyOf(parameters);
        return submit("execute", s -> s.execute(statement, copy));
    }

    @Override
    public AsyncResult<Row> stream(Statement statement) {
        return stream(statement, DEFAULT_YIELD_PER);
    }

    @Override
    public AsyncResult<Row> stream(Statement statement, int yieldPer) {
        return new AsyncResultImpl<>(this, "stream", yieldPer, s -> s.stream(statement, yieldPer));
    }

    @Override
    public AsyncResult<Row> stream(Statement statement, Map<String, ?> parameters, int yieldPer) {
        Map<String, ?> copy = Map.copyOf(parameters);
        return new AsyncResultImpl<>(this, "stream", yieldPer, s -> s.stream(statement, copy, yieldPer));
    }

    @Override
    public <T> AsyncResult<T> streamScalars(Select<T> select) {
        return streamScalars(select, DEFAULT_YIELD_PER);
    }

    @Override
    public <T> AsyncResult<T> streamScalars(Select<T> select, int yieldPer) {
        return new AsyncResultImpl<>(this, "streamScalars", yieldPer, s -> s.streamScalars(select, yieldPer));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> CompletionStage<V> awaitAttr(Object instance, String attribute) {
        return submit("awaitAttr", s -> (V) Attributes.read(instance, attribute));
    }

    @Override
    public CompletionStage<AsyncSessionTransaction> begin() {
        return submit("begin", s -> new AsyncTransactionImpl(this, s.begin(), false));
    }

    @Override
    public CompletionStage<AsyncSessionTransaction> beginNested() {
        return submit("beginNested", s -> new AsyncTransactionImpl(this, s.beginNested(), true));
    }

    @Override
    public <T> CompletionStage<T> connection(ConnectionWork<T> work) {
        return submit("connection", s -> {
            try {
                return work.apply(s.connection());
            } catch (SQLException e) {
                throw new DatabaseException(Messages.connectionWorkFailed(e), e);
            }
        });
    }

    // ---- synchronous accessors: on the calling thread, while the lane is idle --------------------

    @Override
    public Set<Object> getNew() {
        return lane.inspect("getNew", session::getNew);
    }

    @Override
    public Set<Object> getDirty() {
        return lane.inspect("getDirty", session::getDirty);
    }

    @Override
    public Set<Object> getDeleted() {
        return lane.inspect("getDeleted", session::getDeleted);
    }

    @Override
    public boolean inTransaction() {
        return lane.inspect("inTransaction", session::inTransaction);
    }

    @Override
    public boolean inNestedTransaction() {
        return lane.inspect("inNestedTransaction", session::inNestedTransaction);
    }

    @Override
    public boolean isModified(Object instance) {
        return lane.inspect("isModified", () -> session.isModified(instance));
    }

    @Override
    public boolean contains(Object instance) {
        return lane.inspect("contains", () -> session.contains(instance));
    }

    @Override
    public String toString() {
        return "AsyncSession(" + session + ")";
    }
}
