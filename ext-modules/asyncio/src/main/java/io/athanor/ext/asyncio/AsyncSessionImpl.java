package io.athanor.ext.asyncio;

import io.athanor.Result;
import io.athanor.Row;
import io.athanor.ScalarResult;
import io.athanor.Session;
import io.athanor.core.spi.LoadingGuard;
import io.athanor.sql.Select;
import io.athanor.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
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
        return run("refresh", s -> s.refresh(instance, names));
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
    public Flow.Publisher<Row> stream(Statement statement) {
        return stream(statement, DEFAULT_YIELD_PER);
    }

    @Override
    public Flow.Publisher<Row> stream(Statement statement, int yieldPer) {
        return new CursorPublisher<>(this, "stream", s -> s.stream(statement, yieldPer));
    }

    @Override
    public Flow.Publisher<Row> stream(Statement statement, Map<String, ?> parameters, int yieldPer) {
        Map<String, ?> copy = Map.copyOf(parameters);
        return new CursorPublisher<>(this, "stream", s -> s.stream(statement, copy, yieldPer));
    }

    @Override
    public <T> Flow.Publisher<T> streamScalars(Select<T> select) {
        return streamScalars(select, DEFAULT_YIELD_PER);
    }

    @Override
    public <T> Flow.Publisher<T> streamScalars(Select<T> select, int yieldPer) {
        return new CursorPublisher<>(this, "streamScalars", s -> s.streamScalars(select, yieldPer));
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
    public String toString() {
        return "AsyncSession(" + session + ")";
    }
}
