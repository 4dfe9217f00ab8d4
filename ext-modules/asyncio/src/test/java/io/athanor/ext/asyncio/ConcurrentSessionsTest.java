package io.athanor.ext.asyncio;

import static io.athanor.ext.asyncio.Await.await;
import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.athanor.Engine;
import io.athanor.StaleDataException;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * 200 async sessions doing get / increment / commit over a pool of 10 connections: no lost update
 * (a version column turns a concurrent update into a StaleDataException, retried; the sum must be
 * exact), no leaked connection (the pool is idle at the end), and no starvation (everything
 * finishes within the bound of {@link Await}, with no thread ever waiting for a connection).
 */
@AllDatabases
class ConcurrentSessionsTest {
    static final int SESSIONS = 200;
    static final int ROUNDS = 5;
    static final int COUNTERS = 10;
    static final int POOL = 10;

    @Parameter
    DatabaseHandle db;

    @Test
    void twoHundredSessionsOverTenConnectionsLoseNoUpdateAndLeakNoConnection() {
        Engine engine = AsyncModel.pooledEngine(db, POOL);
        AgroalDataSource pool = (AgroalDataSource) engine.dataSource();
        pool.getConfiguration().setMetricsEnabled(true);
        try (AsyncSessionMaker sessions = AsyncSessionMaker.builder(AsyncModel.REGISTRY).bind(engine).build()) {
            assertEquals(POOL, sessions.maxTransactions(), "sized from the engine's pool");
            await(sessions.transaction(s -> {
                List<Counter> counters = new ArrayList<>();
                for (long i = 0; i < COUNTERS; i++) {
                    counters.add(new Counter(i));
                }
                return s.addAll(counters);
            }));
            pool.getMetrics().reset();

            long started = System.nanoTime();
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                runs.add(increment(sessions.open(), i % COUNTERS, ROUNDS, 0).toCompletableFuture());
            }
            await(CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)));
            long millis = (System.nanoTime() - started) / 1_000_000;
            int retries = runs.stream().mapToInt(CompletableFuture::join).sum();

            // read before the helper's commit expires (and its close detaches) the instances
            List<int[]> counters = await(sessions.transaction(s -> s.scalars(select(Counter.class))
                    .thenApply(r -> r.all().stream().map(c -> new int[] {c.id.intValue(), c.hits, c.version}).toList())));
            assertEquals(COUNTERS, counters.size());
            long total = 0;
            for (int[] c : counters) {
                assertEquals(SESSIONS / COUNTERS * ROUNDS, c[1], "counter " + c[0]);
                assertEquals(c[1] + 1, c[2], "version 1 at insert, then one per successful update");
                total += c[1];
            }
            assertEquals((long) SESSIONS * ROUNDS, total, "no lost update");

            AgroalDataSourceMetrics m = pool.getMetrics();
            assertEquals(0, m.activeCount(), "every connection back in the pool");
            assertTrue(m.maxUsedCount() <= POOL, "max used " + m.maxUsedCount());
            assertEquals(0, m.awaitingCount());
            assertEquals(POOL, ((AsyncSessionMakerImpl) sessions).slots().available(), "every slot released");
            if (db.kind() == TestDatabase.POSTGRESQL) {
                assertEquals(0, busyBackends(), "no backend of the test database is busy or idle in transaction");
            }
            System.out.printf("[athanor-async] %s: %d sessions x %d get/update/commit over %d connections in %d ms"
                            + " (%.0f commits/s), %d version conflicts retried, max connections used %d, longest"
                            + " connection acquisition %d ms (opening included)%n", db, SESSIONS, ROUNDS, POOL,
                    millis, SESSIONS * ROUNDS * 1000.0 / Math.max(1, millis), retries, m.maxUsedCount(),
                    m.blockingTimeMax().toMillis());
        } finally {
            engine.close();
        }
    }

    /** get / increment / commit {@code rounds} times; a version conflict rolls back and retries. Yields the retries. */
    private static CompletionStage<Integer> increment(AsyncSession s, long id, int rounds, int retries) {
        if (rounds == 0) {
            return s.close().thenApply(v -> retries);
        }
        return s.get(Counter.class, id)
                .thenCompose(c -> {
                    c.hits++;
                    return s.commit();
                })
                .handle((v, error) -> error)
                .thenCompose(error -> {
                    if (error == null) {
                        return increment(s, id, rounds - 1, retries);
                    }
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    if (cause instanceof StaleDataException) {
                        return s.rollback().thenCompose(v -> increment(s, id, rounds, retries + 1));
                    }
                    return s.close().thenCompose(v -> CompletableFuture.<Integer>failedFuture(cause));
                });
    }

    private long busyBackends() {
        String sql = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()"
                + " AND state IS NOT NULL AND state <> 'idle'";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, db.databaseName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
