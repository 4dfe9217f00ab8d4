package io.athanor.benchmarks;

import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.text;

import io.athanor.Session;
import io.athanor.benchmarks.hibernate.HItem;
import io.athanor.benchmarks.model.Item;
import io.athanor.benchmarks.model.PlainItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W3: with {@code n} rows loaded in one session, change {@code changed} of them (not measured) and
 * flush (measured). Each shot changes other rows with new names; the trial's transaction is rolled
 * back at the end.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 15)
@Fork(1)
public class W3Flush {

    /** Parameters and the round counter shared by the three implementations. */
    @State(Scope.Thread)
    public abstract static class Base {
        @Param({"h2", "postgresql", "mariadb"})
        public String db;
        @Param({"10000", "100000", "1000000"})
        public int n;
        @Param({"1000"})
        public int changed;

        Stack stack;
        int round;

        void load() {
            stack = Stack.of(db);
            stack.table().ensureRows(n);
        }

        /** The list index of the i-th row changed in this round: spread over the whole session. */
        int index(int i) {
            int stride = n / changed;
            return i * stride + round % stride;
        }

        /**
         * A full collection before each shot (not measured): with a million instances held, a pause
         * provoked by the unmeasured work (the check's count query) otherwise lands in a measured
         * flush of one of the few shots. The same for the three implementations.
         */
        void settle() {
            System.gc();
        }

        String name(int i) {
            return "r" + round + "-" + i;
        }

        void checkRound(long written) {
            Check.that(written == changed, "round " + round + " wrote " + written + " rows, expected " + changed);
        }

        String countSql() {
            return "SELECT COUNT(*) FROM item WHERE name LIKE 'r" + round + "-%'";
        }
    }

    /** Athanor: a session holding n instances. */
    public static class AthanorState extends Base {
        Session session;
        List<Item> items;

        @Setup(Level.Trial)
        public void setUp() {
            load();
            session = stack.sessions().open();
            items = session.scalars(select(Item.class)).all();
            Check.that(items.size() == n, "loaded " + items.size() + " of " + n);
        }

        @Setup(Level.Invocation)
        public void change() {
            round++;
            for (int i = 0; i < changed; i++) {
                items.get(index(i)).name = name(i);
            }
            settle();
        }

        @TearDown(Level.Invocation)
        public void check() {
            checkRound(((Number) session.execute(text(countSql())).scalar()).longValue());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            session.rollback();
            session.close();
        }
    }

    /** Hibernate: a session holding n enhanced instances. */
    public static class HibernateState extends Base {
        org.hibernate.Session session;
        Transaction tx;
        List<HItem> items;

        @Setup(Level.Trial)
        public void setUp() {
            load();
            session = stack.hibernate().openSession();
            tx = session.beginTransaction();
            items = session.createSelectionQuery("from HItem", HItem.class).getResultList();
            Check.that(items.size() == n, "loaded " + items.size() + " of " + n);
        }

        @Setup(Level.Invocation)
        public void change() {
            round++;
            for (int i = 0; i < changed; i++) {
                items.get(index(i)).setName(name(i));
            }
            settle();
        }

        @TearDown(Level.Invocation)
        public void check() {
            checkRound(session.doReturningWork(c -> count(c, countSql())));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            tx.rollback();
            session.close();
        }
    }

    /** Plain JDBC: n plain rows in memory and one open transaction; the program knows what it changed. */
    public static class JdbcState extends Base {
        Connection connection;
        List<PlainItem> rows;
        List<PlainItem> dirty;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            load();
            connection = stack.dataSource().getConnection();
            rows = PlainJdbc.loadAll(connection);
            Check.that(rows.size() == n, "loaded " + rows.size() + " of " + n);
        }

        @Setup(Level.Invocation)
        public void change() {
            round++;
            dirty = new ArrayList<>(changed);
            for (int i = 0; i < changed; i++) {
                PlainItem r = rows.get(index(i));
                r.name = name(i);
                dirty.add(r);
            }
            settle();
        }

        @TearDown(Level.Invocation)
        public void check() throws SQLException {
            checkRound(count(connection, countSql()));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Benchmark
    public void jdbc(JdbcState s) throws SQLException {
        PlainJdbc.updateNames(s.connection, s.dirty);
    }

    @Benchmark
    public void athanor(AthanorState s) {
        s.session.flush();
    }

    @Benchmark
    public void hibernate(HibernateState s) {
        s.session.flush();
    }
}
