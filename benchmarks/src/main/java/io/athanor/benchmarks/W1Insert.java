package io.athanor.benchmarks;

import io.athanor.Session;
import io.athanor.benchmarks.hibernate.HItem;
import io.athanor.benchmarks.hibernate.HSeqItem;
import io.athanor.benchmarks.model.Item;
import io.athanor.benchmarks.model.PlainItem;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * W1: insert {@code rows} rows with database-generated keys in one transaction, every key known
 * afterwards. Each shot starts from an empty table; the instances are built before the shot.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(1)
public class W1Insert {
    @Param({"h2", "postgresql", "mariadb"})
    public String db;
    @Param({"100000"})
    public int rows;

    private Stack stack;
    private List<PlainItem> plain;
    private List<Item> items;
    private List<HItem> identityItems;
    private List<HSeqItem> sequenceItems;

    @Setup(Level.Trial)
    public void open() {
        stack = Stack.of(db);
    }

    /** Empties the table and builds the instances this benchmark inserts (not measured). */
    @Setup(Level.Invocation)
    public void prepare(BenchmarkParams params) {
        stack.table().truncate();
        String method = params.getBenchmark();
        plain = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            plain.add(Table.row(i));
        }
        items = method.endsWith(".athanor") ? new ArrayList<>(rows) : null;
        identityItems = method.endsWith(".hibernateIdentity") ? new ArrayList<>(rows) : null;
        sequenceItems = method.endsWith(".hibernateSequence") ? new ArrayList<>(rows) : null;
        for (PlainItem r : plain) {
            if (items != null) {
                items.add(new Item(r.name, r.email, r.quantity, r.score));
            }
            if (identityItems != null) {
                identityItems.add(new HItem(r.name, r.email, r.quantity, r.score));
            }
            if (sequenceItems != null) {
                sequenceItems.add(new HSeqItem(r.name, r.email, r.quantity, r.score));
            }
        }
    }

    /** Every key is known, distinct, and the table holds every row. */
    @TearDown(Level.Invocation)
    public void check() {
        long[] keys;
        if (items != null) {
            keys = items.stream().mapToLong(i -> i.id).toArray();
        } else if (identityItems != null) {
            keys = identityItems.stream().mapToLong(HItem::getId).toArray();
        } else if (sequenceItems != null) {
            keys = sequenceItems.stream().mapToLong(HSeqItem::getId).toArray();
        } else {
            keys = plain.stream().mapToLong(r -> r.id).toArray();
        }
        stack.table().checkInserted(rows, keys);
    }

    /** Floor, part 1: one-row INSERT batched by JDBC, keys from getGeneratedKeys. */
    @Benchmark
    public void jdbcBatch() throws SQLException {
        try (Connection c = stack.dataSource().getConnection()) {
            PlainJdbc.insertBatch(c, plain, stack.kind());
            c.commit();
        }
    }

    /** Floor, part 2: multi-row INSERT of 1,000 rows a statement, RETURNING id. */
    @Benchmark
    public void jdbcMultiRow() throws SQLException {
        try (Connection c = stack.dataSource().getConnection()) {
            PlainJdbc.insertMultiRow(c, plain, stack.kind());
            c.commit();
        }
    }

    /** Athanor: add all, commit. */
    @Benchmark
    public void athanor() {
        try (Session s = stack.keepLoaded().open()) {
            s.addAll(items);
            s.commit();
        }
    }

    /** Hibernate, IDENTITY keys: persist, flush and clear every batch (its batch-insert recipe). */
    @Benchmark
    public void hibernateIdentity() {
        HibernateWork.insert(stack.hibernate(), identityItems);
    }

    /** Hibernate, pooled SEQUENCE keys (allocation 50): persist, flush and clear every batch. */
    @Benchmark
    public void hibernateSequence() {
        HibernateWork.insert(stack.hibernate(), sequenceItems);
    }
}
