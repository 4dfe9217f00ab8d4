package io.athanor.benchmarks;

import io.agroal.api.AgroalDataSource;
import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.benchmarks.model.Item;
import io.athanor.ext.asyncio.AsyncSession;
import io.athanor.ext.asyncio.AsyncSessionMaker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W9 (issue 10): {@value #SESSIONS} sessions at once, each doing {@value #ROUNDS} times get by key,
 * increment, commit on a row of its own, over a pool of {@value #POOL} connections; in commits per
 * second. {@code async}: {@value #SESSIONS} {@link AsyncSession}s of one {@link AsyncSessionMaker}
 * (its default executor and {@value #POOL} transaction slots, sized from the pool), all started at
 * once. {@code syncTenThreads}: the same work as {@value #SESSIONS} tasks of a synchronous
 * {@link Session} on a pool of {@value #POOL} threads. Each trial checks afterwards that no update
 * was lost (every row grew by exactly its share, the sum by every commit) and that no connection
 * leaked (the pool idle, nobody waiting); every invocation must end within a minute (no starvation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class W9AsyncSessions {
    static final int SESSIONS = 200;
    static final int POOL = 10;
    /** get/update/commit cycles per session and invocation. */
    static final int ROUNDS = 5;
    static final int COMMITS = SESSIONS * ROUNDS;

    @Param({"h2", "postgresql", "mariadb"})
    public String db;

    Stack stack;
    Engine engine;
    AgroalDataSource pool;
    SessionMaker sessions;
    AsyncSessionMaker asyncSessions;
    ExecutorService tenThreads;
    Long[] ids;
    Map<Long, Long> before;
    long invocations;

    @Setup(Level.Trial)
    public void setUp() {
        stack = Stack.of(db);
        long[] all = stack.table().ensureRows(SESSIONS);
        ids = new Long[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            ids[i] = all[i];
        }
        engine = stack.newEngine(POOL);
        pool = (AgroalDataSource) engine.dataSource();
        pool.getConfiguration().setMetricsEnabled(true);
        sessions = SessionMaker.builder(Stack.REGISTRY).bind(engine).build();
        asyncSessions = AsyncSessionMaker.builder(sessions).build();
        Check.that(asyncSessions.maxTransactions() == POOL, "the async maker has " + asyncSessions.maxTransactions()
                + " transaction slots, not the pool's " + POOL);
        tenThreads = Executors.newFixedThreadPool(POOL);
        before = quantities();
        invocations = 0;
    }

    @TearDown(Level.Trial)
    public void checkAndClose() {
        try {
            Map<Long, Long> after = quantities();
            long expected = invocations * ROUNDS;
            long sum = 0;
            for (Long id : ids) {
                long grew = after.get(id) - before.get(id);
                Check.that(grew == expected, "row " + id + " grew by " + grew + ", expected " + expected
                        + ": an update was lost or doubled");
                sum += grew;
            }
            Check.that(sum == invocations * COMMITS, "the rows grew by " + sum + " in all");
            Check.that(pool.getMetrics().activeCount() == 0, pool.getMetrics().activeCount()
                    + " connections still in use after the trial: a leak");
            Check.that(pool.getMetrics().awaitingCount() == 0, "threads still wait for a connection");
            Check.that(pool.getMetrics().maxUsedCount() <= POOL, "more connections than the pool's " + POOL);
        } finally {
            asyncSessions.close();
            tenThreads.shutdown();
            engine.close();
        }
    }

    /** The quantity of each of the workload's rows, read outside any session. */
    private Map<Long, Long> quantities() {
        Map<Long, Long> q = new HashMap<>();
        try (Connection c = stack.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, quantity FROM item")) {
            while (rs.next()) {
                q.put(rs.getLong(1), rs.getLong(2));
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return q;
    }

    /** get / increment / commit {@code left} more times on the session's row, then close. */
    private CompletionStage<Void> cycle(AsyncSession s, Long id, int left) {
        if (left == 0) {
            return s.close();
        }
        return s.get(Item.class, id).thenCompose(item -> {
            item.quantity++;
            return s.commit();
        }).thenCompose(v -> cycle(s, id, left - 1));
    }

    @Benchmark
    @OperationsPerInvocation(COMMITS)
    public void async() throws Exception {
        invocations++;
        List<CompletableFuture<Void>> runs = new ArrayList<>(SESSIONS);
        for (Long id : ids) {
            runs.add(cycle(asyncSessions.open(), id, ROUNDS).toCompletableFuture());
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    @Benchmark
    @OperationsPerInvocation(COMMITS)
    public void syncTenThreads() throws Exception {
        invocations++;
        List<Future<?>> runs = new ArrayList<>(SESSIONS);
        for (Long id : ids) {
            runs.add(tenThreads.submit(() -> {
                try (Session s = sessions.open()) {
                    for (int r = 0; r < ROUNDS; r++) {
                        Item item = s.get(Item.class, id);
                        item.quantity++;
                        s.commit();
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
    }
}
