package io.athanor.benchmarks;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.benchmarks.hibernate.HCardPayment;
import io.athanor.benchmarks.hibernate.HCashPayment;
import io.athanor.benchmarks.hibernate.HChild;
import io.athanor.benchmarks.hibernate.HItem;
import io.athanor.benchmarks.hibernate.HJoinedCardPayment;
import io.athanor.benchmarks.hibernate.HJoinedCashPayment;
import io.athanor.benchmarks.hibernate.HJoinedPayment;
import io.athanor.benchmarks.hibernate.HJoinedTransferPayment;
import io.athanor.benchmarks.hibernate.HParent;
import io.athanor.benchmarks.hibernate.HPayment;
import io.athanor.benchmarks.hibernate.HSeqItem;
import io.athanor.benchmarks.hibernate.HTransferPayment;
import io.athanor.benchmarks.model.Item;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Databases;
import io.athanor.testsupport.TestDatabase;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * Everything one database needs, built once per JVM: the database (from the test fixture, so a
 * bare machine works), one connection pool shared by Athanor, Hibernate and plain JDBC, the
 * schema (table {@code item} created by Athanor, sequence {@code item_seq} for Hibernate), Athanor's
 * session factories, and Hibernate's session factory (built on first use).
 */
public final class Stack {
    private static final Map<TestDatabase, Stack> STACKS = new EnumMap<>(TestDatabase.class);
    /** Athanor's registry of the benchmark entity. */
    public static final Registry REGISTRY = Registry.of(Item.class);

    private final DatabaseHandle handle;
    private final Engine engine;
    private final SessionMaker sessions;
    private final SessionMaker keepLoaded;
    private final Table table;
    private SessionFactory hibernate;

    private Stack(DatabaseHandle handle) {
        this.handle = handle;
        Properties props = handle.properties();
        props.setProperty("athanor.pool.max-size", "8");
        props.setProperty("athanor.pool.min-size", "2");
        this.engine = Engine.create(url(handle), props);
        REGISTRY.dropAll(engine);
        REGISTRY.createAll(engine);
        this.table = new Table(engine.dataSource(), handle.kind());
        table.createSequence(HSeqItem.ALLOCATION);
        this.sessions = SessionMaker.builder(REGISTRY).bind(engine).build();
        this.keepLoaded = SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    /** pgjdbc rewrites batched INSERTs into multi-row ones: it helps Hibernate and the JDBC batch floor. */
    private static String url(DatabaseHandle handle) {
        String url = handle.jdbcUrl();
        if (handle.kind() == TestDatabase.POSTGRESQL) {
            url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        return url;
    }

    /** The stack of the database with this id ({@code h2}, {@code postgresql}, {@code mariadb}). */
    public static synchronized Stack of(String db) {
        return STACKS.computeIfAbsent(TestDatabase.of(db), kind -> new Stack(Databases.get(kind)));
    }

    public TestDatabase kind() {
        return handle.kind();
    }

    /** Where the database runs, as the fixture describes it. */
    public String description() {
        return handle.description();
    }

    /** Athanor's engine over the shared pool (other workloads bind their own registries to it). */
    public Engine engine() {
        return engine;
    }

    /**
     * A new engine on this database and schema with a pool of its own of at most {@code maxSize}
     * connections (W9 needs exactly that many); the caller closes it.
     */
    public Engine newEngine(int maxSize) {
        Properties props = handle.properties();
        props.setProperty("athanor.pool.max-size", String.valueOf(maxSize));
        props.setProperty("athanor.pool.min-size", "0");
        return Engine.create(url(handle), props);
    }

    /** The shared pool; its connections come with auto-commit off. */
    public DataSource dataSource() {
        return engine.dataSource();
    }

    /** Athanor sessions with the defaults (expire on commit). */
    public SessionMaker sessions() {
        return sessions;
    }

    /** Athanor sessions that keep values after commit, so that keys can be read afterwards. */
    public SessionMaker keepLoaded() {
        return keepLoaded;
    }

    /** Row-level helpers on table {@code item}. */
    public Table table() {
        return table;
    }

    /** Hibernate's session factory over the same pool and schema. */
    public synchronized SessionFactory hibernate() {
        if (hibernate == null) {
            hibernate = HibernateFactory.build(engine.dataSource(), HItem.class, HSeqItem.class, HParent.class,
                    HChild.class, HPayment.class, HCardPayment.class, HTransferPayment.class, HCashPayment.class,
                    HJoinedPayment.class, HJoinedCardPayment.class, HJoinedTransferPayment.class,
                    HJoinedCashPayment.class);
        }
        return hibernate;
    }
}
