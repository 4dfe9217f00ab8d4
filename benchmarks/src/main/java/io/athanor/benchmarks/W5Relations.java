package io.athanor.benchmarks;

import static io.athanor.sql.Load.joinedload;
import static io.athanor.sql.Load.selectinload;
import static io.athanor.sql.Sql.select;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.benchmarks.hibernate.HChild;
import io.athanor.benchmarks.hibernate.HParent;
import io.athanor.benchmarks.model.Child;
import io.athanor.benchmarks.model.Parent;
import io.athanor.benchmarks.model.PlainChild;
import io.athanor.benchmarks.model.PlainParent;
import io.athanor.mapping.Registry;
import io.athanor.metamodel.RelationshipAttribute;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * W5: {@code parents} parents with {@value #CHILDREN} children each, loaded with their collections
 * in a fresh session (or connection). Selectin: the parents, then the children {@code WHERE
 * parent_id IN (...)} in batches of 500 parents (Athanor's and SQLAlchemy's batch; the JDBC floor
 * runs the same statements and Hibernate batch-fetches the same 500). Joined: one statement, the
 * parents {@code LEFT OUTER JOIN} the children. Every collection is read (its size and its first
 * child's name) inside the measured operation. All three end the read transaction with a rollback
 * (Athanor's session closes without commit), since H2 reuses a cached query result after a commit but
 * not after a rollback; see {@link W2Load}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class W5Relations {
    /** Children per parent. */
    public static final int CHILDREN = 10;
    /** Parents per IN query (Athanor's selectin batch, SQLAlchemy's default). */
    static final int IN_BATCH = 500;
    /** Athanor's registry of the two W5 classes. */
    static final Registry REGISTRY = Registry.of(Parent.class, Child.class);
    static final RelationshipAttribute<Parent, Child> CHILDREN_OF = new RelationshipAttribute<>(Parent.class,
            "children", Child.class);
    private static final String PARENTS = "SELECT w5_parent.id, w5_parent.name FROM w5_parent";
    private static final String CHILD_COLUMNS = "w5_child.id, w5_child.parent_id, w5_child.name, w5_child.position";

    @Param({"h2", "postgresql", "mariadb"})
    public String db;
    @Param({"1000"})
    public int parents;

    private Stack stack;
    SessionMaker sessions;
    private long checksum;

    @Setup(Level.Trial)
    public void fill() {
        stack = Stack.of(db);
        REGISTRY.dropAll(stack.engine());
        REGISTRY.createAll(stack.engine());
        sessions = SessionMaker.builder(REGISTRY).bind(stack.engine()).build();
        sessions.transaction(s -> {
            List<Parent> all = new ArrayList<>(parents);
            for (int p = 0; p < parents; p++) {
                Parent parent = new Parent("parent" + p);
                for (int c = 0; c < CHILDREN; c++) {
                    parent.children.add(new Child("child" + p + "." + c, c));
                }
                all.add(parent);
            }
            s.addAll(all);
            for (Parent parent : all) {
                s.addAll(parent.children);
            }
        });
        long rows = stack.table().queryLong("SELECT COUNT(*) FROM w5_child WHERE parent_id IS NOT NULL");
        Check.that(rows == (long) parents * CHILDREN, "w5_child holds " + rows + " linked rows");
    }

    /** The last operation saw every parent and every child. */
    @TearDown(Level.Iteration)
    public void check() {
        Check.that(checksum == (long) parents * (CHILDREN + 1), "loaded " + checksum + " parents and children, expected "
                + (long) parents * (CHILDREN + 1));
        checksum = 0;
    }

    // ---- plain JDBC: the same statements ------------------------------------------------------

    @Benchmark
    public List<PlainParent> jdbcSelectin() throws SQLException {
        try (Connection c = stack.dataSource().getConnection()) {
            List<PlainParent> result = new ArrayList<>();
            Map<Long, PlainParent> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(PARENTS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PlainParent p = new PlainParent(rs.getLong(1), rs.getString(2));
                    result.add(p);
                    byId.put(p.id, p);
                }
            }
            for (int from = 0; from < result.size(); from += IN_BATCH) {
                List<PlainParent> chunk = result.subList(from, Math.min(result.size(), from + IN_BATCH));
                StringBuilder sql = new StringBuilder("SELECT ").append(CHILD_COLUMNS)
                        .append(" FROM w5_child WHERE w5_child.parent_id IN (");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i).id);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            PlainChild child = readChild(rs, 1);
                            byId.get(child.parentId).children.add(child);
                        }
                    }
                }
            }
            c.rollback();
            return plainChecked(result);
        }
    }

    @Benchmark
    public List<PlainParent> jdbcJoined() throws SQLException {
        try (Connection c = stack.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT w5_parent.id, w5_parent.name, " + CHILD_COLUMNS
                     + " FROM w5_parent LEFT OUTER JOIN w5_child ON w5_parent.id = w5_child.parent_id");
             ResultSet rs = ps.executeQuery()) {
            Map<Long, PlainParent> byId = new LinkedHashMap<>();
            while (rs.next()) {
                long id = rs.getLong(1);
                PlainParent p = byId.get(id);
                if (p == null) {
                    p = new PlainParent(id, rs.getString(2));
                    byId.put(id, p);
                }
                rs.getLong(3);
                if (!rs.wasNull()) {
                    p.children.add(readChild(rs, 3));
                }
            }
            c.rollback();
            return plainChecked(new ArrayList<>(byId.values()));
        }
    }

    private static PlainChild readChild(ResultSet rs, int from) throws SQLException {
        return new PlainChild(rs.getLong(from), rs.getLong(from + 1), rs.getString(from + 2), rs.getInt(from + 3));
    }

    private List<PlainParent> plainChecked(List<PlainParent> result) {
        long seen = 0;
        for (PlainParent p : result) {
            seen += 1 + p.children.size();
            if (!p.children.isEmpty() && p.children.get(0).name == null) {
                seen = -1;
            }
        }
        checksum = seen;
        return result;
    }

    // ---- Athanor ------------------------------------------------------------------------------

    @Benchmark
    public List<Parent> athanorSelectin() {
        try (Session s = sessions.open()) {
            return checked(s.scalars(select(Parent.class).options(selectinload(CHILDREN_OF))).all());
        }
    }

    @Benchmark
    public List<Parent> athanorJoined() {
        try (Session s = sessions.open()) {
            return checked(s.scalars(select(Parent.class).options(joinedload(CHILDREN_OF))).all());
        }
    }

    private List<Parent> checked(List<Parent> result) {
        long seen = 0;
        for (Parent p : result) {
            seen += 1 + p.children.size();
            if (!p.children.isEmpty() && p.children.get(0).name == null) {
                seen = -1;
            }
        }
        checksum = seen;
        return result;
    }

    // ---- Hibernate ----------------------------------------------------------------------------

    /** Batch fetching: the parents, then their collections in batches of 500 on first access. */
    @Benchmark
    public List<HParent> hibernateBatch() {
        try (org.hibernate.Session s = stack.hibernate().openSession()) {
            Transaction tx = s.beginTransaction();
            List<HParent> result = s.createSelectionQuery("from HParent", HParent.class).getResultList();
            hibernateChecked(result);
            tx.rollback();
            return result;
        }
    }

    /** Join fetch: one statement (Hibernate 6 returns each parent once). */
    @Benchmark
    public List<HParent> hibernateJoinFetch() {
        try (org.hibernate.Session s = stack.hibernate().openSession()) {
            Transaction tx = s.beginTransaction();
            List<HParent> result = s.createSelectionQuery("from HParent p left join fetch p.children", HParent.class)
                    .getResultList();
            hibernateChecked(result);
            tx.rollback();
            return result;
        }
    }

    private void hibernateChecked(List<HParent> result) {
        long seen = 0;
        for (HParent p : result) {
            List<HChild> children = p.getChildren();
            seen += 1 + children.size();
            if (!children.isEmpty() && children.get(0).getName() == null) {
                seen = -1;
            }
        }
        checksum = seen;
    }
}
