package io.athanor.benchmarks;

import io.athanor.Session;
import io.athanor.benchmarks.hibernate.HItem;
import io.athanor.benchmarks.model.Item;
import io.athanor.benchmarks.model.PlainItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * W4: {@code get} by key. {@code *Hit}: the instance is already in the session (identity map, no
 * SQL), in nanoseconds. {@code *Misses}: {@code misses} keys, each a SELECT by key, in a fresh
 * session, in milliseconds for all of them.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class W4Get {

    /** The table with {@code misses} rows and their keys. */
    @State(Scope.Thread)
    public static class Rows {
        @Param({"h2", "postgresql", "mariadb"})
        public String db;
        @Param({"10000"})
        public int misses;

        Stack stack;
        long[] ids;
        Long[] boxed;
        Object last;

        @Setup(Level.Trial)
        public void setUp() {
            stack = Stack.of(db);
            ids = stack.table().ensureRows(misses);
            boxed = new Long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                boxed[i] = ids[i];
            }
        }

        @TearDown(Level.Iteration)
        public void check(BenchmarkParams params) {
            if (params.getBenchmark().endsWith("Misses")) {
                Check.that(last != null, "the last get found nothing");
                last = null;
            }
        }
    }

    /** An Athanor session that already holds the instance. */
    @State(Scope.Thread)
    public static class AthanorHit {
        Session session;
        Long key;
        Item item;

        @Setup(Level.Trial)
        public void setUp(Rows rows) {
            session = rows.stack.sessions().open();
            key = rows.boxed[rows.ids.length / 2];
            item = session.get(Item.class, key);
            Check.that(item != null && item.id.equals(key), "get did not load row " + key);
        }

        @TearDown(Level.Iteration)
        public void check() {
            Check.that(session.get(Item.class, key) == item, "a hit returned another instance");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            session.close();
        }
    }

    /** A Hibernate session that already holds the instance. */
    @State(Scope.Thread)
    public static class HibernateHit {
        org.hibernate.Session session;
        Transaction tx;
        Long key;
        HItem item;

        @Setup(Level.Trial)
        public void setUp(Rows rows) {
            session = rows.stack.hibernate().openSession();
            tx = session.beginTransaction();
            key = rows.boxed[rows.ids.length / 2];
            item = session.find(HItem.class, key);
            Check.that(item != null && item.getId().equals(key), "find did not load row " + key);
        }

        @TearDown(Level.Iteration)
        public void check() {
            Check.that(session.find(HItem.class, key) == item, "a hit returned another instance");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            tx.rollback();
            session.close();
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Item athanorHit(AthanorHit s) {
        return s.session.get(Item.class, s.key);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public HItem hibernateHit(HibernateHit s) {
        return s.session.find(HItem.class, s.key);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void athanorMisses(Rows rows, Blackhole bh) {
        try (Session s = rows.stack.sessions().open()) {
            Item item = null;
            for (Long id : rows.boxed) {
                item = s.get(Item.class, id);
                bh.consume(item);
            }
            rows.last = item;
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void hibernateMisses(Rows rows, Blackhole bh) {
        try (org.hibernate.Session s = rows.stack.hibernate().openSession()) {
            Transaction tx = s.beginTransaction();
            HItem item = null;
            for (Long id : rows.boxed) {
                item = s.find(HItem.class, id);
                bh.consume(item);
            }
            tx.commit();
            rows.last = item;
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void jdbcMisses(Rows rows, Blackhole bh) throws SQLException {
        try (Connection c = rows.stack.dataSource().getConnection(); PreparedStatement ps = PlainJdbc.prepareById(c)) {
            PlainItem item = null;
            for (long id : rows.ids) {
                item = PlainJdbc.byId(ps, id);
                bh.consume(item);
            }
            c.commit();
            rows.last = item;
        }
    }
}
