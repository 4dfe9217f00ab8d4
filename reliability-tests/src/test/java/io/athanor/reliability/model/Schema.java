package io.athanor.reliability.model;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Databases;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The reliability tests' schema: one registry, one pooled engine per database, the tables created once. */
public final class Schema {
    public static final Registry REGISTRY = Registry.of(Rec.class, Counter.class, Bulk.class, Hostile.class,
            Parent.class, Kid.class, Pal.class, Note.class);
    static final List<String> TABLES = List.of("rel_rec", "rel_counter", "rel_bulk", "rel_hostile", "rel_kid", "rel_pal",
            "rel_note", "rel_parent");

    private static final Map<TestDatabase, Engine> ENGINES = new EnumMap<>(TestDatabase.class);

    private Schema() {
    }

    /** The database's handle, or {@code null} when {@code athanor.test.databases} does not select it. */
    public static DatabaseHandle handle(TestDatabase kind) {
        return Databases.selected().contains(kind) ? Databases.get(kind) : null;
    }

    /** The JVM's pooled engine on this database, with the schema created once. */
    public static synchronized Engine engine(DatabaseHandle db) {
        Engine engine = ENGINES.get(db.kind());
        if (engine == null) {
            Properties props = db.properties();
            props.setProperty("athanor.pool.max-size", "12");
            engine = Engine.create(db.jdbcUrl(), props);
            REGISTRY.dropAll(engine);
            REGISTRY.createAll(engine);
            ENGINES.put(db.kind(), engine);
        }
        return engine;
    }

    /** A session factory with SQLAlchemy's defaults. */
    public static SessionMaker sessions(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).build();
    }

    /** Empties one table on a connection of its own. */
    public static void clean(Engine engine, String table) {
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.executeUpdate("DELETE FROM " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty " + table, e);
        }
    }
}
