package io.athanor.testsupport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The database fixture. {@link #get(TestDatabase)} provides each database once per JVM, lazily:
 * H2 in memory; for PostgreSQL and MariaDB a freshly created database on the machine's server when
 * it answers within about 2 s, otherwise on an embedded server started for this JVM. Server
 * databases are dropped and embedded servers stopped when the JVM exits. At first use one line
 * per database says which ran, e.g.
 * {@code [athanor-test] postgresql: local server PostgreSQL 15.19 at 127.0.0.1:5432, database athanor_...}.
 *
 * <p>System properties (also read as JUnit configuration parameters by {@link AllDatabases}):
 * <ul>
 *   <li>{@value #DATABASES_PROPERTY}: comma-separated ids of the databases parameterised tests run
 *       on, default {@value #DEFAULT_DATABASES};</li>
 *   <li>{@value #EMBEDDED_PROPERTY}: {@code true} to skip the machine's servers and always start
 *       embedded ones, or a list of ids ({@code postgresql}, {@code mariadb}) to do so for some.</li>
 * </ul>
 */
public final class Databases {
    /** The property selecting the databases of {@link AllDatabases} tests. */
    public static final String DATABASES_PROPERTY = "athanor.test.databases";
    /** The default of {@link #DATABASES_PROPERTY}. */
    public static final String DEFAULT_DATABASES = "h2,postgresql,mariadb";
    /** The property forcing the embedded servers. */
    public static final String EMBEDDED_PROPERTY = "athanor.test.embedded";

    private static final Map<TestDatabase, Slot> SLOTS = new EnumMap<>(TestDatabase.class);

    static {
        for (TestDatabase kind : TestDatabase.values()) {
            SLOTS.put(kind, new Slot(kind));
        }
    }

    private Databases() {
    }

    /**
     * The JVM's database of this kind, provided at the first call. Fails (on every call) if it
     * could not be provided.
     */
    public static DatabaseHandle get(TestDatabase kind) {
        return SLOTS.get(kind).get();
    }

    /** The databases selected by the {@value #DATABASES_PROPERTY} system property. */
    public static List<TestDatabase> selected() {
        return parse(System.getProperty(DATABASES_PROPERTY, DEFAULT_DATABASES));
    }

    /** Parses a comma-separated list of database ids, keeping its order and dropping duplicates. */
    public static List<TestDatabase> parse(String ids) {
        Set<TestDatabase> result = new LinkedHashSet<>();
        for (String id : ids.split(",")) {
            if (!id.isBlank()) {
                result.add(TestDatabase.of(id));
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("No test database selected in '" + ids + "'");
        }
        return new ArrayList<>(result);
    }

    /** Whether {@value #EMBEDDED_PROPERTY} forces the embedded server for this database. */
    static boolean embeddedForced(TestDatabase kind) {
        String value = System.getProperty(EMBEDDED_PROPERTY, "false").trim();
        if (value.isEmpty() || value.equalsIgnoreCase("false")) {
            return false;
        }
        return value.equalsIgnoreCase("true") || parse(value).contains(kind);
    }

    private static DatabaseHandle provide(TestDatabase kind) throws Exception {
        switch (kind) {
            case H2:
                return H2Provider.provide();
            case POSTGRESQL:
                return new PostgresProvider().provide(embeddedForced(kind));
            case MARIADB:
                return new MariaDbProvider().provide(embeddedForced(kind));
            default:
                throw new AssertionError(kind);
        }
    }

    /** Provides one kind of database once and remembers the outcome, failure included. */
    private static final class Slot {
        private final TestDatabase kind;
        private DatabaseHandle handle;
        private RuntimeException failure;

        Slot(TestDatabase kind) {
            this.kind = kind;
        }

        synchronized DatabaseHandle get() {
            if (handle == null && failure == null) {
                try {
                    handle = provide(kind);
                    System.setProperty("athanor.test.database." + kind.id(), handle.description());
                    System.out.println("[athanor-test] " + kind.id() + ": " + handle.description());
                } catch (Exception | LinkageError e) {
                    failure = new IllegalStateException("Could not provide the " + kind.id() + " test database", e);
                    System.out.println("[athanor-test] " + kind.id() + ": FAILED: " + e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return handle;
        }
    }
}
