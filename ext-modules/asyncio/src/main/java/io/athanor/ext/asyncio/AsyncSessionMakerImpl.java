package io.athanor.ext.asyncio;

import io.agroal.api.AgroalDataSource;
import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** The async session factory: a core {@link SessionMaker}, an executor and the transaction slots. */
final class AsyncSessionMakerImpl implements AsyncSessionMaker {
    static final int FALLBACK_SIZE = 10;

    private final SessionMaker sessions;
    private final Executor executor;
    private final ExecutorService owned;
    private final TransactionSlots slots;
    private final BooleanSupplier jtaTransactionActive;

    private AsyncSessionMakerImpl(SessionMaker sessions, Executor executor, ExecutorService owned, int slots,
                                  BooleanSupplier jtaTransactionActive) {
        this.sessions = sessions;
        this.executor = executor;
        this.owned = owned;
        this.slots = new TransactionSlots(slots);
        this.jtaTransactionActive = jtaTransactionActive;
    }

    /** Throws ATHANOR-8508 when {@code operation} is called inside a JTA transaction (when configured to check). */
    void checkCaller(String operation) {
        if (jtaTransactionActive != null && jtaTransactionActive.getAsBoolean()) {
            throw new InvalidRequestException(Messages.insideJta(operation));
        }
    }

    @Override
    public AsyncSession open() {
        return new AsyncSessionImpl(sessions.open(), this);
    }

    @Override
    public <T> CompletionStage<T> transaction(Function<AsyncSession, ? extends CompletionStage<T>> work) {
        AsyncSessionImpl session = new AsyncSessionImpl(sessions.open(), this);
        CompletionStage<T> done;
        try {
            done = session.begin().thenCompose(tx -> work.apply(session));
        } catch (RuntimeException | Error e) {
            done = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        done.thenCompose(value -> session.commit().thenApply(ignored -> value))
                .handle((value, error) -> {
                    // clean-up is never refused (ATHANOR-8508 refuses starting work, not ending it)
                    CompletionStage<Void> end = error == null ? CompletableFuture.completedFuture(null)
                            : session.submitUnchecked(s -> {
                                s.rollback();
                                return (Void) null;
                            }).exceptionally(rollbackError -> {
                                error.addSuppressed(rollbackError);
                                return null;
                            });
                    end.thenCompose(ignored -> session.close()).whenComplete((ignored, closeError) -> {
                        if (error != null) {
                            if (closeError != null) {
                                error.addSuppressed(closeError);
                            }
                            result.completeExceptionally(unwrap(error));
                        } else if (closeError != null) {
                            result.completeExceptionally(unwrap(closeError));
                        } else {
                            result.complete(value);
                        }
                    });
                    return null;
                });
        return result;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    @Override
    public SessionMaker sessionMaker() {
        return sessions;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public int maxTransactions() {
        return slots.size();
    }

    TransactionSlots slots() {
        return slots;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdown();
        }
    }

    /** Collects the settings; the session ones go to a core {@link SessionMaker.Builder}. */
    static final class BuilderImpl implements Builder {
        private final SessionMaker.Builder sessions;
        private final List<Engine> engines = new ArrayList<>();
        private Executor executor;
        private Integer threads;
        private Integer maxTransactions;
        private BooleanSupplier jtaTransactionActive;

        BuilderImpl(Registry registry) {
            this.sessions = SessionMaker.builder(registry);
        }

        BuilderImpl(SessionMaker settings) {
            this.sessions = settings.toBuilder().transactionIntegration(null);
            if (settings.bind() != null) {
                engines.add(settings.bind());
            }
            engines.addAll(settings.binds().values());
        }

        @Override
        public Builder bind(Engine engine) {
            sessions.bind(engine);
            engines.add(engine);
            return this;
        }

        @Override
        public Builder binds(Map<Object, Engine> binds) {
            sessions.binds(new LinkedHashMap<>(binds));
            engines.addAll(binds.values());
            return this;
        }

        @Override
        public Builder expireOnCommit(boolean expireOnCommit) {
            sessions.expireOnCommit(expireOnCommit);
            return this;
        }

        @Override
        public Builder autoflush(boolean autoflush) {
            sessions.autoflush(autoflush);
            return this;
        }

        @Override
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        @Override
        public Builder threads(int threads) {
            this.threads = atLeastOne("threads", threads);
            return this;
        }

        @Override
        public Builder maxTransactions(int maxTransactions) {
            this.maxTransactions = atLeastOne("maxTransactions", maxTransactions);
            return this;
        }

        @Override
        public Builder refuseInJtaTransaction(BooleanSupplier jtaTransactionActive) {
            this.jtaTransactionActive = jtaTransactionActive;
            return this;
        }

        @Override
        public AsyncSessionMaker build() {
            SessionMaker maker = sessions.build();
            int slots = maxTransactions != null ? maxTransactions : poolSize();
            if (executor != null) {
                return new AsyncSessionMakerImpl(maker, executor, null, slots, jtaTransactionActive);
            }
            ExecutorService pool = WorkerThreads.pool(threads != null ? threads : slots);
            return new AsyncSessionMakerImpl(maker, pool, pool, slots, jtaTransactionActive);
        }

        /** The smallest pool among the bound engines that Engine.create made (Agroal), else the fallback. */
        private int poolSize() {
            int size = Integer.MAX_VALUE;
            for (Engine engine : engines) {
                if (engine.dataSource() instanceof AgroalDataSource pool) {
                    size = Math.min(size, pool.getConfiguration().connectionPoolConfiguration().maxSize());
                }
            }
            return size == Integer.MAX_VALUE ? FALLBACK_SIZE : size;
        }

        private static int atLeastOne(String setting, int value) {
            if (value < 1) {
                throw new InvalidRequestException(Messages.belowOne(setting, value));
            }
            return value;
        }
    }
}
