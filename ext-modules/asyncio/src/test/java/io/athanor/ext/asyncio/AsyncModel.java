package io.athanor.ext.asyncio;

import io.athanor.Engine;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The async tests' schema, created once per database (and per pool size), emptied before each test. */
final class AsyncModel {
    static final Registry REGISTRY = Registry.of(Writer.class, Story.class, Counter.class);
    private static final Map<TestDatabase, Engine> ENGINES = new EnumMap<>(TestDatabase.class);

    private AsyncModel() {
    }

    /** The shared engine of the database (pool of 10), tables emptied. */
    static synchronized Engine freshEngine(DatabaseHandle db) {
        Engine engine = ENGINES.get(db.kind());
        if (engine == null) {
            engine = Engine.create(db.jdbcUrl(), db.properties());
            REGISTRY.dropAll(engine);
            REGISTRY.createAll(engine);
            ENGINES.put(db.kind(), engine);
        }
        engine.echo(true);
        SqlCapture.silence();
        for (String t : List.of("async_stories", "async_writers", "async_counters")) {
            update(engine, "DELETE FROM " + t);
        }
        return engine;
    }

    /** A new engine with its own pool of {@code maxSize} connections on the (already created) schema. */
    static Engine pooledEngine(DatabaseHandle db, int maxSize) {
        freshEngine(db);
        Properties props = db.properties();
        props.setProperty("athanor.pool.max-size", String.valueOf(maxSize));
        return Engine.create(db.jdbcUrl(), props);
    }

    static void update(Engine engine, String sql) {
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long longValue(Engine engine, String sql) {
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            c.commit();
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
