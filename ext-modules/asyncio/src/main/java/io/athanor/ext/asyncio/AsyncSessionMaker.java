package io.athanor.ext.asyncio;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A configured factory of {@link AsyncSession}s: SQLAlchemy's {@code async_sessionmaker}.
 * Thread-safe; build one per application and open an async session per unit of work.
 *
 * <pre>{@code
 * AsyncSessionMaker sessions = AsyncSessionMaker.builder(registry).bind(engine).expireOnCommit(false).build();
 * AsyncSession session = sessions.open();
 * session.get(User.class, 1L)
 *         .thenCompose(user -> { user.name = "ada"; return session.commit(); })
 *         .whenComplete((ok, error) -> session.close());
 * }</pre>
 *
 * <p>Operations run on an {@link Executor}: by default a pool of daemon platform threads named
 * {@code athanor-async-N-M}, as many as the bound engine's connection pool has connections (or
 * 10 when the pool size is unknown), which {@link #close()} shuts down. Under Jakarta EE pass the
 * container's {@code ManagedExecutorService} to {@link Builder#executor(Executor)} (it is an
 * {@code Executor}), so that work runs on managed threads with the application's context; the
 * container owns its life cycle.
 *
 * <p>At most {@link Builder#maxTransactions(int)} async sessions of this maker are inside a
 * transaction at once; the others wait for a slot without holding a thread, in arrival order.
 * This keeps every worker thread free of waits for a pooled connection, so that hundreds of async
 * sessions over a small pool neither starve nor time out.
 */
public interface AsyncSessionMaker extends AutoCloseable {

    /** Starts configuring an async session factory for the mapped classes of {@code registry}. */
    static Builder builder(Registry registry) {
        return new AsyncSessionMakerImpl.BuilderImpl(registry);
    }

    /**
     * Starts configuring an async session factory with the settings of {@code sessions}: its registry,
     * bind, binds, expireOnCommit, autoflush and autobegin ({@link SessionMaker#toBuilder()}). Its
     * transaction integration is <em>not</em> taken: an async session's work runs on the executor's
     * threads, where no JTA transaction of the caller is bound, so async sessions always use
     * resource-local transactions of their own (see {@link Builder#refuseInJtaTransaction}). The
     * builder's other settings may still be changed; {@code sessions} is left as it is. This is how
     * the CDI extension builds a unit's {@code AsyncSessionMaker}.
     */
    static Builder builder(SessionMaker sessions) {
        return new AsyncSessionMakerImpl.BuilderImpl(sessions);
    }

    /** A new async session; no SQL and no waiting. */
    AsyncSession open();

    /**
     * Runs {@code work} in a new async session and transaction (SQLAlchemy's
     * {@code async with sessionmaker.begin()}): when the stage {@code work} returns completes, the
     * session commits; when it fails (or {@code work} throws), the session rolls back; either way
     * the session closes. The returned stage completes with the work's result after all that.
     */
    <T> CompletionStage<T> transaction(Function<AsyncSession, ? extends CompletionStage<T>> work);

    /** The synchronous session factory the async sessions wrap. */
    SessionMaker sessionMaker();

    /** The executor the lanes run on. */
    Executor executor();

    /** How many async sessions may be inside a transaction at once. */
    int maxTransactions();

    /**
     * Shuts the default executor down (queued operations still run; its threads are daemons);
     * a user-supplied executor is left alone. Sessions opened before must not be used afterwards.
     */
    @Override
    void close();

    /** Configures an {@link AsyncSessionMaker}; the session settings are those of {@link SessionMaker.Builder}. */
    interface Builder {
        /** The default engine. */
        Builder bind(Engine engine);

        /** Engines per mapped class, {@code @Mixin} class or table name. */
        Builder binds(Map<Object, Engine> binds);

        /** Whether commit expires every instance (default true). Turn it off to read values after commit. */
        Builder expireOnCommit(boolean expireOnCommit);

        /** Whether queries flush pending changes first (default true). */
        Builder autoflush(boolean autoflush);

        /**
         * The executor the lanes run on, instead of the default pool: for example a Jakarta EE
         * {@code ManagedExecutorService}. It should offer at least {@link #maxTransactions(int)}
         * threads; the maker never shuts it down.
         */
        Builder executor(Executor executor);

        /** The number of threads of the default executor (default: {@link #maxTransactions(int)}'s value). */
        Builder threads(int threads);

        /**
         * How many async sessions may be inside a transaction at once (default: the smallest
         * connection pool of the bound engines created by {@code Engine.create}, else 10). Keep it
         * at or below the pool size, minus connections used outside async sessions.
         */
        Builder maxTransactions(int maxTransactions);

        /**
         * Refuses work started inside a JTA transaction: while {@code jtaTransactionActive} answers
         * true on the calling thread, every operation of the maker's sessions except
         * {@code close()} throws {@link io.athanor.InvalidRequestException} (ATHANOR-8508) on that
         * thread instead of being queued. An async session's work runs on other threads, in database
         * transactions of its own, so it could not commit or roll back with the caller's JTA
         * transaction; refusing says so at once instead of committing independently. The CDI
         * extension passes a check of the container's {@code TransactionSynchronizationRegistry};
         * without this setting nothing is checked. This module does not depend on the JTA API.
         */
        Builder refuseInJtaTransaction(java.util.function.BooleanSupplier jtaTransactionActive);

        /** The factory; {@link io.athanor.InvalidRequestException} if no engine is bound or a number is below 1. */
        AsyncSessionMaker build();
    }
}
