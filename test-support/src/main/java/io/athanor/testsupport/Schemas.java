package io.athanor.testsupport;

import io.athanor.Engine;
import io.athanor.mapping.Registry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test module's schema on one database: a pooled engine per registry and database, the tables
 * dropped and created once per JVM, and emptied before each test with the statements given (in
 * order, children first). Also reads rows outside any session, so tests check what was committed.
 */
public final class Schemas {
    private static final Map<List<Object>, Engine> ENGINES = new HashMap<>();

    private Schemas() {
    }

    /**
     * The registry's engine on the database, echoing SQL (silenced unless captured), after running
     * the clean-up statements on it.
     */
    public static synchronized Engine fresh(DatabaseHandle db, Registry registry, List<String> cleanup) {
        Engine engine = ENGINES.computeIfAbsent(List.of(registry, db.kind()), k -> {
            Engine created = Engine.create(db.jdbcUrl(), db.properties());
            registry.dropAll(created);
            registry.createAll(created);
            return created;
        });
        engine.echo(true);
        SqlCapture.silence();
        for (String sql : cleanup) {
            execute(engine, sql);
        }
        return engine;
    }

    /** Runs one statement in its own auto-committed connection. */
    public static void execute(Engine engine, String sql) {
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The rows of a query as strings, read in a connection of its own: committed data only. */
    public static List<List<String>> rows(Engine engine, String sql) {
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The number of rows of a table. */
    public static long count(Engine engine, String table) {
        return Long.parseLong(rows(engine, "SELECT COUNT(*) FROM " + table).get(0).get(0));
    }
}
