package io.athanor.internal.session;

import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.SqlLog;
import io.athanor.internal.query.QueryScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Renders a jOOQ query for a session (with its registry in scope), logs it, binds it and reads its rows. */
final class QueryExecutor {
    /** Reads one row. */
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private record Rendered(String sql, List<Object> binds) {
    }

    private QueryExecutor() {
    }

    static void run(SessionImpl session, EngineImpl engine, Query query, String failure, RowReader reader) {
        DSLContext ctx = engine.sql();
        Rendered r = QueryScope.with(session.registry, () -> new Rendered(ctx.render(query), ctx.extractBindValues(query)));
        Connection c = session.activeTransaction().connection(engine);
        SqlLog.statement(engine, r.sql(), r.binds());
        try (PreparedStatement ps = c.prepareStatement(r.sql())) {
            for (int i = 0; i < r.binds().size(); i++) {
                Object v = r.binds().get(i);
                session.maker.codecForValue(v).bind(ps, i + 1, v, engine.dialect());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw Errors.database(failure, e, r.sql());
        }
    }
}
