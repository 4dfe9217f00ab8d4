package io.athanor.core.model;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * The core tests' schema: one registry of every test entity, one pooled engine per database, the
 * tables created once per JVM, and rows deleted before each test.
 */
public final class TestModel {
    public static final Registry REGISTRY = Registry.of(User.class, Address.class, Account.class, Document.class,
            Note.class, Membership.class, Everything.class, Item.class);

    private static final Map<TestDatabase, Engine> ENGINES = new EnumMap<>(TestDatabase.class);

    private TestModel() {
    }

    /** A pooled engine on the database, with the schema created (once) and every table emptied. */
    public static synchronized Engine freshEngine(DatabaseHandle db) {
        Engine engine = ENGINES.get(db.kind());
        if (engine == null) {
            engine = Engine.create(db.jdbcUrl(), db.properties());
            REGISTRY.dropAll(engine);
            REGISTRY.createAll(engine);
            ENGINES.put(db.kind(), engine);
        }
        engine.echo(true);
        io.athanor.testsupport.SqlCapture.silence();
        clean(engine);
        return engine;
    }

    /** A session factory with default settings. */
    public static SessionMaker sessions(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).build();
    }

    /** A session factory that keeps values loaded after commit, for setting up rows whose keys a test reads. */
    public static SessionMaker keepLoaded(Engine engine) {
        return SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    private static void clean(Engine engine) {
        List<String> tables = List.of("addresses", "users", "account", "document", "note", "membership", "everything",
                "item");
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String t : tables) {
                st.executeUpdate("DELETE FROM " + DSL.using(dialect(engine)).render(DSL.name(t)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test tables", e);
        }
    }

    private static org.jooq.SQLDialect dialect(Engine engine) {
        return switch (engine.dialect()) {
            case H2 -> org.jooq.SQLDialect.H2;
            case POSTGRESQL -> org.jooq.SQLDialect.POSTGRES;
            case MARIADB -> org.jooq.SQLDialect.MARIADB;
        };
    }
}
