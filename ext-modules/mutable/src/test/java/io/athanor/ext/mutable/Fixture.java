package io.athanor.ext.mutable;

import io.athanor.Engine;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Engines with fresh tables, and raw reads of stored values. */
final class Fixture {
    static final Jsonb JSONB = JsonbBuilder.create();

    private Fixture() {
    }

    static Engine engine(DatabaseHandle db, Registry registry) {
        Engine engine = Engine.create(db.jdbcUrl(), db.properties());
        registry.dropAll(engine);
        registry.createAll(engine);
        engine.echo(true);
        return engine;
    }

    /** The stored text of a column, read with plain JDBC. */
    static String stored(Engine engine, String table, String column, long id) {
        try (Connection c = engine.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row " + id + " in " + table);
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON text parsed into plain maps and lists, for comparing documents. */
    static Object parse(String json) {
        return json == null ? null : JSONB.fromJson(json, Object.class);
    }

    /** A value as it comes back from JSON: written and parsed again. */
    static Object normalised(Object value) {
        return parse(JSONB.toJson(value));
    }
}
