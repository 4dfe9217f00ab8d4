package io.athanor.internal.engine;

import io.athanor.Dialect;
import io.athanor.internal.messages.EngineMessages;
import io.athanor.internal.types.ColumnCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Small JDBC helpers: prepare, bind through codecs, run plain statements, with logging. */
public final class Jdbc {
    private Jdbc() {
    }

    public static PreparedStatement prepare(Connection c, String sql, boolean generatedKeys) throws SQLException {
        return generatedKeys ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql);
    }

    static void bind(PreparedStatement ps, int index, ColumnCodec codec, Object value, Dialect dialect)
            throws SQLException {
        codec.bind(ps, index, value, dialect);
    }

    /** Runs a statement without parameters (SAVEPOINT and friends). */
    public static void run(EngineImpl engine, Connection c, String sql) {
        SqlLog.statement(engine, sql, List.of());
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw Errors.database(EngineMessages.statementFailed(), e, sql);
        }
    }
}
