package io.athanor.ext.hybrid.model;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

/** The hybrid tests' schema: one engine per database, tables created once, emptied before each test. */
public final class HybridModel {
    public static final Registry REGISTRY = Registry.of(Person.class, Robot.class);

    private static final Map<TestDatabase, Engine> ENGINES = new EnumMap<>(TestDatabase.class);

    private HybridModel() {
    }

    /** A session factory on the database, its tables empty. */
    public static synchronized SessionMaker fresh(DatabaseHandle db) {
        Engine engine = ENGINES.get(db.kind());
        if (engine == null) {
            engine = Engine.create(db.jdbcUrl(), db.properties());
            REGISTRY.dropAll(engine);
            REGISTRY.createAll(engine);
            ENGINES.put(db.kind(), engine);
        }
        engine.echo(true);
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.executeUpdate("DELETE FROM person");
            st.executeUpdate("DELETE FROM robot");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test tables", e);
        }
        return SessionMaker.builder(REGISTRY).bind(engine).build();
    }
}
