package io.athanor.benchmarks;

import static io.athanor.sql.Sql.select;

import io.athanor.Session;
import io.athanor.benchmarks.hibernate.HItem;
import io.athanor.benchmarks.model.Item;
import io.athanor.benchmarks.model.PlainItem;
import java.lang.ref.Reference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W7: heap retained per loaded instance, with {@code rows} instances loaded and the session still
 * open: used heap after full GCs with everything reachable, minus used heap after full GCs before
 * loading, divided by {@code rows}. Reported by {@link HeapProfiler} as the secondary metric
 * {@value HeapProfiler#METRIC}; the shot's time includes the GCs and means nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class W7Heap {
    @Param({"h2", "postgresql", "mariadb"})
    public String db;
    @Param({"100000"})
    public int rows;

    private Stack stack;

    @Setup(Level.Trial)
    public void fill() {
        stack = Stack.of(db);
        stack.table().ensureRows(rows);
    }

    private void record(long before, List<?> loaded, Object session) {
        Check.that(loaded.size() == rows, "loaded " + loaded.size() + " of " + rows);
        long after = HeapProfiler.usedAfterGc();
        HeapProfiler.record((after - before) / (double) rows);
        Reference.reachabilityFence(loaded);
        Reference.reachabilityFence(session);
    }

    @Benchmark
    public void jdbc() throws SQLException {
        long before = HeapProfiler.usedAfterGc();
        try (Connection c = stack.dataSource().getConnection()) {
            List<PlainItem> loaded = PlainJdbc.loadAll(c);
            c.commit();
            record(before, loaded, c);
        }
    }

    @Benchmark
    public void athanor() {
        long before = HeapProfiler.usedAfterGc();
        try (Session s = stack.sessions().open()) {
            List<Item> loaded = s.scalars(select(Item.class)).all();
            record(before, loaded, s);
        }
    }

    @Benchmark
    public void hibernate() {
        long before = HeapProfiler.usedAfterGc();
        try (org.hibernate.Session s = stack.hibernate().openSession()) {
            Transaction tx = s.beginTransaction();
            List<HItem> loaded = s.createSelectionQuery("from HItem", HItem.class).getResultList();
            record(before, loaded, s);
            tx.commit();
        }
    }
}
