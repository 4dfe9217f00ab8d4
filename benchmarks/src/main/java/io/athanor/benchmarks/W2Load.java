package io.athanor.benchmarks;

import static io.athanor.sql.Sql.select;

import io.athanor.Session;
import io.athanor.benchmarks.hibernate.HItem;
import io.athanor.benchmarks.model.Item;
import io.athanor.benchmarks.model.PlainItem;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W2: load {@code rows} rows into instances, in a fresh session (or connection) each time. All three
 * end the read transaction the same way, with a rollback: Athanor's session is closed without commit
 * (as SQLAlchemy's), the JDBC floor rolls back, Hibernate rolls back (sparing it the flush its commit
 * would run). The same ending matters on H2, which serves a repeated query from a cached result after
 * a commit but not after a rollback: with the floor committing and Athanor rolling back, the floor
 * skipped the table scan that Athanor paid for.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class W2Load {
    @Param({"h2", "postgresql", "mariadb"})
    public String db;
    @Param({"100000"})
    public int rows;

    private Stack stack;
    private List<?> last;

    @Setup(Level.Trial)
    public void fill() {
        stack = Stack.of(db);
        stack.table().ensureRows(rows);
    }

    /** The last load returned every row, as instances with their values. */
    @TearDown(Level.Iteration)
    public void check() {
        Check.that(last != null && last.size() == rows, "loaded " + (last == null ? 0 : last.size()) + " of " + rows);
        Object first = last.get(0);
        String name = first instanceof Item i ? i.name : first instanceof HItem h ? h.getName() : ((PlainItem) first).name;
        Check.that(name != null && name.startsWith("name"), "a loaded instance has no name");
    }

    @Benchmark
    public List<PlainItem> jdbc() throws SQLException {
        try (Connection c = stack.dataSource().getConnection()) {
            List<PlainItem> rows = PlainJdbc.loadAll(c);
            c.rollback();
            last = rows;
            return rows;
        }
    }

    @Benchmark
    public List<Item> athanor() {
        try (Session s = stack.sessions().open()) {
            List<Item> items = s.scalars(select(Item.class)).all();
            last = items;
            return items;
        }
    }

    @Benchmark
    public List<HItem> hibernate() {
        try (org.hibernate.Session s = stack.hibernate().openSession()) {
            Transaction tx = s.beginTransaction();
            List<HItem> items = s.createSelectionQuery("from HItem", HItem.class).getResultList();
            tx.rollback();
            last = items;
            return items;
        }
    }
}
