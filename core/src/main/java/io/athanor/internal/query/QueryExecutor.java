package io.athanor.internal.query;

import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.SqlLog;
import io.athanor.internal.session.SessionContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Renders a jOOQ query for a session (with its registry in scope), logs it, binds it and reads its rows. */
public final class QueryExecutor {
    /** Reads one row. */
    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    public record Rendered(String sql, List<Object> binds) {
    }

    private QueryExecutor() {
    }

    /** A statement and its result set, left open for a cursor to read from; {@link #close()} closes both. */
    record Open(PreparedStatement statement, ResultSet rows, String sql) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                if (rows != null) {
                    rows.close();
                }
            } finally {
                statement.close();
            }
        }
    }

    /**
     * Runs the query with a JDBC fetch size and leaves its result set open: PostgreSQL then reads it
     * from a portal {@code fetchSize} rows at a time (the transaction's connection has auto-commit off),
     * MariaDB Connector/J streams it, H2 takes it as a hint.
     */
    static Open open(SessionContext session, EngineImpl engine, Query query, String failure, int fetchSize) {
        Rendered r = render(session, engine, query);
        return open(session, engine, r.sql(), r.binds(), failure, fetchSize);
    }

    /** {@link #open(SessionContext, EngineImpl, Query, String, int)} of rendered SQL; {@code null} rows for an update. */
    static Open open(SessionContext session, EngineImpl engine, String sql, List<Object> binds, String failure,
                     int fetchSize) {
        Connection c = session.activeTransaction().connection(engine);
        SqlLog.statement(engine, sql, binds);
        PreparedStatement ps = null;
        try {
            ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(fetchSize);
            for (int i = 0; i < binds.size(); i++) {
                Object v = binds.get(i);
                session.maker().codecForValue(v).bind(ps, i + 1, v, engine.dialect());
            }
            ResultSet rs = ps.execute() ? ps.getResultSet() : null;
            if (rs != null) {
                rs.setFetchSize(fetchSize);
            }
            return new Open(ps, rs, sql);
        } catch (SQLException e) {
            if (ps != null) {
                try {
                    ps.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw Errors.database(failure, e, sql);
        }
    }

    public static void run(SessionContext session, EngineImpl engine, Query query, String failure, RowReader reader) {
        Rendered r = render(session, engine, query);
        run(session, engine, r.sql(), r.binds(), failure, reader);
    }

    /** The query's SQL and bind values, rendered for the engine's dialect with the session's registry in scope. */
    public static Rendered render(SessionContext session, EngineImpl engine, Query query) {
        DSLContext ctx = engine.sql();
        return QueryScope.with(session.registry(), () -> new Rendered(ctx.render(query), ctx.extractBindValues(query)));
    }

    /** {@link #run(SessionContext, EngineImpl, Query, String, RowReader)} of SQL rendered before. */
    public static void run(SessionContext session, EngineImpl engine, String sql, List<Object> binds, String failure,
                    RowReader reader) {
        Connection c = session.activeTransaction().connection(engine);
        SqlLog.statement(engine, sql, binds);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                Object v = binds.get(i);
                session.maker().codecForValue(v).bind(ps, i + 1, v, engine.dialect());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw Errors.database(failure, e, sql);
        }
    }
}
