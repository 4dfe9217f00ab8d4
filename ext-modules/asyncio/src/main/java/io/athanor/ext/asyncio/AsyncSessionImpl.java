package io.athanor.ext.asyncio;

import io.athanor.Result;
import io.athanor.Row;
import io.athanor.ScalarResult;
import io.athanor.Session;
import io.athanor.spi.LoadingGuard;
import io.athanor.sql.Select;
import io.athanor.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/** An async session: a core {@link Session} whose every use is an operation on its {@link Lane}. */
final class AsyncSessionImpl implements AsyncSession {
    private final Session session;
    private final Lane lane;

    AsyncSessionImpl(Session session, AsyncSessionMakerImpl maker) {
        this.session = session;
        this.lane = new Lane(maker.executor(), maker.slots(), session::inTransaction);
        LoadingGuard.install(session, new LaneGuard(lane));
    }

    Lane lane() {
        return lane;
    }

    private CompletionStage<Void> run(Consumer<Session> work) {
        return lane.submit(() -> {
            work.accept(session);
            return null;
        });
    }

    @Override
    public <T> CompletionStage<T> runSync(Function<Session, T> work) {
        return lane.submit(() -> work.apply(session));
    }

    @Override
    public CompletionStage<Void> add(Object instance) {
        return run(s -> s.add(instance));
    }

    @Override
    public CompletionStage<Void> addAll(Collection<?> instances) {
        return run(s -> s.addAll(instances));
    }

    @Override
    public CompletionStage<Void> delete(Object instance) {
        return run(s -> s.delete(instance));
    }

    @Override
    public CompletionStage<Void> flush() {
        return run(Session::flush);
    }

    @Override
    public CompletionStage<Void> commit() {
        return run(Session::commit);
    }

    @Override
    public CompletionStage<Void> rollback() {
        return run(Session::rollback);
    }

    @Override
    public CompletionStage<Void> close() {
        return run(Session::close);
    }

    @Override
    public <T> CompletionStage<T> merge(T instance) {
        return runSync(s -> s.merge(instance));
    }

    @Override
    public <T> CompletionStage<T> merge(T instance, boolean load) {
        return runSync(s -> s.merge(instance, load));
    }

    @Override
    public CompletionStage<Void> refresh(Object instance, String... attributes) {
        String[] names = attributes.clone();
        return run(s -> s.refresh(instance, names));
    }

    @Override
    public CompletionStage<Void> expire(Object instance, String... attributes) {
        String[] names = attributes.clone();
        return run(s -> s.expire(instance, names));
    }

    @Override
    public CompletionStage<Void> expireAll() {
        return run(Session::expireAll);
    }

    @Override
    public CompletionStage<Void> expunge(Object instance) {
        return run(s -> s.expunge(instance));
    }

    @Override
    public CompletionStage<Void> expungeAll() {
        return run(Session::expungeAll);
    }

    @Override
    public <T> CompletionStage<T> get(Class<T> type, Object id) {
        return runSync(s -> s.get(type, id));
    }

    @Override
    public <T> CompletionStage<T> getOne(Class<T> type, Object id) {
        return runSync(s -> s.getOne(type, id));
    }

    @Override
    public <T> CompletionStage<ScalarResult<T>> scalars(Select<T> select) {
        return runSync(s -> s.scalars(select));
    }

    @Override
    public CompletionStage<Result> execute(Statement statement) {
        return runSync(s -> s.execute(statement));
    }

    @Override
    public CompletionStage<Result> execute(Statement statement, Map<String, ?> parameters) {
        Map<String, ?> copy = Map.copyOf(parameters);
        return runSync(s -> s.execute(statement, copy));
    }

    @Override
    public Flow.Publisher<Row> stream(Statement statement) {
        return new ListPublisher<>(() -> runSync(s -> s.execute(statement).all()));
    }

    @Override
    public <T> Flow.Publisher<T> streamScalars(Select<T> select) {
        return new ListPublisher<>(() -> runSync(s -> s.scalars(select).all()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> CompletionStage<V> awaitAttr(Object instance, String attribute) {
        return runSync(s -> (V) Attributes.read(instance, attribute));
    }

    @Override
    public CompletionStage<AsyncSessionTransaction> begin() {
        return runSync(s -> new AsyncTransactionImpl(this, s.begin(), false));
    }

    @Override
    public CompletionStage<AsyncSessionTransaction> beginNested() {
        return runSync(s -> new AsyncTransactionImpl(this, s.beginNested(), true));
    }

    @Override
    public String toString() {
        return "AsyncSession(" + session + ")";
    }
}
