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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * W6: a request cycle (open a session, get one row by key, change it, commit, close) in commits per
 * second, with one and with two threads; each thread works on its own rows, so threads never wait
 * for each other's row locks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class W6RequestCycle {

    /** The table, filled once for all threads. */
    @State(Scope.Benchmark)
    public static class Rows {
        @Param({"h2", "postgresql", "mariadb"})
        public String db;
        @Param({"10000"})
        public int requestRows;

        Stack stack;
        long[] ids;

        @Setup(Level.Trial)
        public void setUp() {
            stack = Stack.of(db);
            ids = stack.table().ensureRows(requestRows);
        }
    }

    /** A thread's own keys: indexes i with i % threads == thread index. */
    @State(Scope.Thread)
    public static class Cursor {
        Stack stack;
        long[] ids;
        Long[] mine;
        int next;

        @Setup(Level.Trial)
        public void setUp(Rows rows, ThreadParams thread) {
            stack = rows.stack;
            ids = rows.ids;
            int count = thread.getThreadCount();
            int index = thread.getThreadIndex();
            mine = new Long[(ids.length - index + count - 1) / count];
            for (int i = 0; i < mine.length; i++) {
                mine[i] = ids[i * count + index];
            }
        }

        Long nextKey() {
            Long key = mine[next];
            next = next + 1 == mine.length ? 0 : next + 1;
            return key;
        }

        long quantity(Long key) {
            return stack.table().queryLong("SELECT quantity FROM item WHERE id = " + key);
        }

        /** Runs one cycle on the next key and checks that it committed exactly one increment. */
        void checkOnce(Runnable cycle) {
            Long key = mine[next];
            long before = quantity(key);
            cycle.run();
            Check.that(quantity(key) == before + 1, "the request cycle did not commit its change of row " + key);
        }
    }

    /** Checked once per thread: each implementation's first cycle commits its change. */
    @State(Scope.Thread)
    public static class Verified {
        @Setup(Level.Trial)
        public void setUp(Cursor cursor, org.openjdk.jmh.infra.BenchmarkParams params) {
            String m = params.getBenchmark();
            W6RequestCycle w = new W6RequestCycle();
            if (m.contains(".athanor")) {
                cursor.checkOnce(() -> w.athanorCycle(cursor));
            } else if (m.contains(".hibernate")) {
                cursor.checkOnce(() -> w.hibernateCycle(cursor));
            } else {
                cursor.checkOnce(() -> w.jdbcCycle(cursor));
            }
        }
    }

    Item athanorCycle(Cursor c) {
        try (Session s = c.stack.sessions().open()) {
            Item item = s.get(Item.class, c.nextKey());
            item.quantity++;
            s.commit();
            return item;
        }
    }

    HItem hibernateCycle(Cursor c) {
        try (org.hibernate.Session s = c.stack.hibernate().openSession()) {
            Transaction tx = s.beginTransaction();
            HItem item = s.find(HItem.class, c.nextKey());
            item.setQuantity(item.getQuantity() + 1);
            tx.commit();
            return item;
        }
    }

    PlainItem jdbcCycle(Cursor c) {
        try (Connection conn = c.stack.dataSource().getConnection();
             PreparedStatement select = PlainJdbc.prepareById(conn);
             PreparedStatement update = conn.prepareStatement("UPDATE item SET quantity = ? WHERE id = ?")) {
            PlainItem item = PlainJdbc.byId(select, c.nextKey());
            item.quantity++;
            update.setInt(1, item.quantity);
            update.setLong(2, item.id);
            update.executeUpdate();
            conn.commit();
            return item;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    @Threads(1)
    public Item athanorOneThread(Cursor c, Verified v) {
        return athanorCycle(c);
    }

    @Benchmark
    @Threads(2)
    public Item athanorTwoThreads(Cursor c, Verified v) {
        return athanorCycle(c);
    }

    @Benchmark
    @Threads(1)
    public HItem hibernateOneThread(Cursor c, Verified v) {
        return hibernateCycle(c);
    }

    @Benchmark
    @Threads(2)
    public HItem hibernateTwoThreads(Cursor c, Verified v) {
        return hibernateCycle(c);
    }

    @Benchmark
    @Threads(1)
    public PlainItem jdbcOneThread(Cursor c, Verified v) {
        return jdbcCycle(c);
    }

    @Benchmark
    @Threads(2)
    public PlainItem jdbcTwoThreads(Cursor c, Verified v) {
        return jdbcCycle(c);
    }
}
