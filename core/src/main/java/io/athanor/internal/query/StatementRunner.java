package io.athanor.internal.query;

import io.athanor.Dialect;
import io.athanor.InvalidRequestException;
import io.athanor.Result;
import io.athanor.Row;
import io.athanor.ScalarResult;
import io.athanor.StreamedResult;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.SqlLog;
import io.athanor.internal.loading.EagerLoader;
import io.athanor.internal.loading.LoadCollector;
import io.athanor.internal.loading.LoadPlan;
import io.athanor.internal.loading.Loader;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.internal.persistence.Synchronizer;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.sql.ResultImpl;
import io.athanor.internal.sql.ScalarResultImpl;
import io.athanor.internal.sql.TextParameters;
import io.athanor.internal.state.StateImpl;
import io.athanor.metamodel.ColumnAttribute;
import io.athanor.sql.Delete;
import io.athanor.sql.Insert;
import io.athanor.sql.Select;
import io.athanor.sql.Sql;
import io.athanor.sql.Statement;
import io.athanor.sql.TextClause;
import io.athanor.sql.Update;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Runs queries and statements for a session: compiles them with jOOQ, binds, reads rows into instances. */
public final class StatementRunner {
    private final SessionContext session;

    public StatementRunner(SessionContext session) {
        this.session = session;
    }

    // ---- by key ----------------------------------------------------------------------------------

    public Object loadByKey(Mapper m, Object key) {
        if (!LoadPlan.mapped(m, List.of(m), false).isEmpty()) {
            return byKeyWithEagerLoads(m, key);
        }
        EngineImpl engine = session.bindFor(m);
        String sql = m.statements(engine.dialect()).selectByKey(null);
        Object[] values = m.keyValues(key);
        Connection c = session.activeTransaction().connection(engine);
        SqlLog.statement(engine, sql, List.of(values));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                m.primaryKey()[i].codec().bind(ps, i + 1, values[i], engine.dialect());
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                StateImpl s = Loader.instance(session, m, rs, 0, false, engine.dialect());
                return s == null ? null : s.obj;
            }
        } catch (SQLException e) {
            throw Errors.database(StatementMessages.getFailed(m.type(), key), e, sql);
        }
    }

    /** {@code get} of a class with mapped eager relationships: a select by key, so they load with it. */
    private Object byKeyWithEagerLoads(Mapper m, Object key) {
        Object[] values = m.keyValues(key);
        List<Condition> where = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            where.add(RelationshipJoins.column(m, m.primaryKey()[i], m.table())
                    .eq(DSL.val(values[i], SQLDataType.OTHER)));
        }
        List<Object[]> rows = runSelect(Sql.select(m.type()).where(where.toArray(new Condition[0])), null);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    // ---- select ----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public <T> ScalarResult<T> scalars(Select<T> select) {
        return new ScalarResultImpl<>((List<T>) new SelectRunner(session).scalars(select));
    }

    public Result execute(Statement statement, Map<String, ?> parameters) {
        if (statement instanceof Select<?> select) {
            List<String> labels = new ArrayList<>();
            List<Object[]> rows = runSelect(select, labels);
            return new ResultImpl(labels, rows, -1);
        }
        if (statement instanceof TextClause text) {
            return text(text, parameters);
        }
        if (statement instanceof Update update) {
            return update(update);
        }
        if (statement instanceof Delete delete) {
            return delete(delete);
        }
        if (statement instanceof Insert insert) {
            return insert(insert);
        }
        throw new InvalidRequestException(StatementMessages.notExecutable(statement));
    }

    // ---- streamed ---------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public <T> StreamedResult<T> streamScalars(Select<T> select, int yieldPer) {
        return openSelect(select, yieldPer, null, labels -> row -> (T) row[0]);
    }

    public StreamedResult<Row> stream(Statement statement, Map<String, ?> parameters, int yieldPer) {
        checkYieldPer(yieldPer);
        if (statement instanceof Select<?> select) {
            return openSelect(select, yieldPer, new ArrayList<>(), labels -> row -> ResultImpl.row(labels, row));
        }
        if (statement instanceof TextClause text) {
            return streamText(text, parameters, yieldPer);
        }
        throw new InvalidRequestException(StatementMessages.notStreamable(statement));
    }

    private static void checkYieldPer(int yieldPer) {
        if (yieldPer < 1) {
            throw new InvalidRequestException(StatementMessages.badYieldPer(yieldPer));
        }
    }

    /** Opens the cursor of a select; {@code converter} makes the value converter from the labels (when collected). */
    private <T> StreamedResult<T> openSelect(Select<?> select, int yieldPer, List<String> labels,
                                             Function<List<String>, Function<Object[], T>> converter) {
        checkYieldPer(yieldPer);
        SelectRunner.Compiled compiled = new SelectRunner(session).compile(select, labels);
        Function<Object[], T> convert = converter.apply(labels == null ? null : Collections.unmodifiableList(labels));
        if (compiled.unique) {
            throw new InvalidRequestException(StatementMessages.joinedCollectionStreamed());
        }
        QueryExecutor.Open open = QueryExecutor.open(session, compiled.engine, compiled.query,
                StatementMessages.queryFailed(), yieldPer);
        EagerLoader eager = new EagerLoader(session);
        return new StreamedResultImpl<>(session, open, (rs, max) -> {
            LoadCollector collector = new LoadCollector();
            List<Object[]> rows = new ArrayList<>(Math.min(max, 1024));
            while (rows.size() < max && rs.next()) {
                rows.add(compiled.read(rs, collector, eager));
            }
            eager.afterRows(collector, compiled.plans);
            return rows;
        }, convert, yieldPer);
    }

    private StreamedResult<Row> streamText(TextClause text, Map<String, ?> parameters, int yieldPer) {
        EngineImpl engine = session.maker().defaultBind();
        TextParameters parsed = TextParameters.parse(text.sql(), engine.dialect() == io.athanor.Dialect.MARIADB);
        List<Object> values = parsed.values(parameters == null ? Map.of() : parameters);
        QueryExecutor.Open open = QueryExecutor.open(session, engine, parsed.sql(), values,
                StatementMessages.textStatementFailed(), yieldPer);
        List<String> labels = new ArrayList<>();
        if (open.rows() != null) {
            try {
                ResultSetMetaData meta = open.rows().getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    labels.add(meta.getColumnLabel(i));
                }
            } catch (SQLException e) {
                try {
                    open.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw Errors.database(StatementMessages.textStatementFailed(), e, parsed.sql());
            }
        }
        List<String> shared = Collections.unmodifiableList(labels);
        int width = labels.size();
        return new StreamedResultImpl<>(session, open, (rs, max) -> {
            List<Object[]> rows = new ArrayList<>(Math.min(max, 1024));
            while (rows.size() < max && rs.next()) {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }, row -> ResultImpl.row(shared, row), yieldPer);
    }

    private List<Object[]> runSelect(Select<?> select, List<String> labels) {
        return new SelectRunner(session).run(select, labels);
    }

    private void bindAll(PreparedStatement ps, List<Object> values, Dialect dialect) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            session.maker().codecForValue(v).bind(ps, i + 1, v, dialect);
        }
    }

    // ---- text ------------------------------------------------------------------------------------

    private Result text(TextClause text, Map<String, ?> parameters) {
        EngineImpl engine = session.maker().defaultBind();
        TextParameters parsed = TextParameters.parse(text.sql(), engine.dialect() == io.athanor.Dialect.MARIADB);
        List<Object> values = parsed.values(parameters == null ? Map.of() : parameters);
        Connection c = session.activeTransaction().connection(engine);
        SqlLog.statement(engine, parsed.sql(), values);
        try (PreparedStatement ps = c.prepareStatement(parsed.sql())) {
            bindAll(ps, values, engine.dialect());
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<String> labels = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        labels.add(meta.getColumnLabel(i));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[labels.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                    return new ResultImpl(labels, rows, -1);
                }
            }
            return new ResultImpl(List.of(), List.of(), ps.getUpdateCount());
        } catch (SQLException e) {
            throw Errors.database(StatementMessages.textStatementFailed(), e, parsed.sql());
        }
    }

    // ---- bulk statements -------------------------------------------------------------------------

    private int run(EngineImpl engine, Query query) {
        DSLContext ctx = engine.sql();
        String sql = ctx.render(query);
        List<Object> binds = ctx.extractBindValues(query);
        Connection c = session.activeTransaction().connection(engine);
        SqlLog.statement(engine, sql, binds);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, binds, engine.dialect());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Errors.database(StatementMessages.statementFailed(), e, sql);
        }
    }

    private static void refuseJoined(Mapper m) {
        if (m.joined()) {
            throw new InvalidRequestException(StatementMessages.bulkOfJoinedTable(m.type()));
        }
    }

    /** A bulk statement on a subclass of a single-table hierarchy touches that class's rows only. */
    private static Condition withIdentity(Mapper m, Condition where) {
        Condition identity = m.identityCriterion(m.table());
        return identity == null ? where : where.and(identity);
    }

    private Condition where(List<Condition> conditions) {
        return conditions.isEmpty() ? DSL.noCondition() : DSL.and(conditions);
    }

    @SuppressWarnings("unchecked")
    private Result update(Update update) {
        Mapper m = session.registry().mapper(update.entity());
        refuseJoined(m);
        session.autoflush();
        EngineImpl engine = session.bindFor(m);
        if (update.values().isEmpty()) {
            throw new InvalidRequestException(StatementMessages.updateSetsNothing(m.type()));
        }
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        Map<ColumnModel, Object> assigned = new LinkedHashMap<>();
        for (Map.Entry<Field<?>, Object> e : update.values().entrySet()) {
            Field<Object> column = e.getKey() instanceof ColumnAttribute<?> a
                    ? DSL.field(DSL.name(a.column()), SQLDataType.OTHER) : (Field<Object>) e.getKey();
            Object v = e.getValue();
            if (e.getKey() instanceof ColumnAttribute<?> a && m.column(a.attribute()) != null) {
                assigned.put(m.column(a.attribute()), v);
            }
            values.put(column, v instanceof Field<?> f ? f : DSL.val(v, SQLDataType.OTHER));
        }
        Condition where = withIdentity(m, where(update.whereConditions()));
        Synchronizer sync = new Synchronizer(session, m, update.sync(), update.whereConditions(),
                () -> matchingKeys(m, engine, where));
        int count = run(engine, engine.sql().update(DSL.table(DSL.name(m.table()))).set(values).where(where));
        sync.updated(assigned);
        return new ResultImpl(List.of(), List.of(), count);
    }

    private Result delete(Delete delete) {
        Mapper m = session.registry().mapper(delete.entity());
        refuseJoined(m);
        session.autoflush();
        EngineImpl engine = session.bindFor(m);
        Condition where = withIdentity(m, where(delete.whereConditions()));
        Synchronizer sync = new Synchronizer(session, m, delete.sync(), delete.whereConditions(),
                () -> matchingKeys(m, engine, where));
        int count = run(engine, engine.sql().deleteFrom(DSL.table(DSL.name(m.table()))).where(where));
        sync.deleted(session.activeTransaction());
        return new ResultImpl(List.of(), List.of(), count);
    }

    private List<Object> matchingKeys(Mapper m, EngineImpl engine, Condition where) {
        List<SelectField<?>> pk = new ArrayList<>();
        for (ColumnModel k : m.primaryKey()) {
            pk.add(DSL.field(DSL.name(m.table(), k.columnName()), SQLDataType.OTHER));
        }
        DSLContext ctx = engine.sql();
        Query q = ctx.select(pk).from(DSL.table(DSL.name(m.table()))).where(where);
        String sql = ctx.render(q);
        List<Object> binds = ctx.extractBindValues(q);
        Connection c = session.activeTransaction().connection(engine);
        SqlLog.statement(engine, sql, binds);
        List<Object> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, binds, engine.dialect());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[m.primaryKey().length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = m.primaryKey()[i].read(rs, i + 1, engine.dialect());
                    }
                    keys.add(m.identity(values));
                }
            }
        } catch (SQLException e) {
            throw Errors.database(StatementMessages.deleteSelectFailed(), e, sql);
        }
        return keys;
    }

    private Result insert(Insert insert) {
        Mapper m = session.registry().mapper(insert.entity());
        if (insert.rows().isEmpty()) {
            return new ResultImpl(List.of(), List.of(), 0);
        }
        session.autoflush();
        Map<String, ColumnModel> columns = new LinkedHashMap<>();
        for (Map<String, ?> row : insert.rows()) {
            for (String attr : row.keySet()) {
                ColumnModel c = m.column(attr);
                if (c == null) {
                    throw new InvalidRequestException(StatementMessages.insertUnknownAttribute(m.type(), attr));
                }
                columns.put(attr, c);
            }
        }
        EngineImpl engine = session.bindFor(m);
        StringBuilder sql = new StringBuilder("INSERT INTO ")
                .append(engine.sql().render(DSL.name(m.table()))).append(" (");
        int i = 0;
        for (ColumnModel c : columns.values()) {
            sql.append(i++ > 0 ? ", " : "").append(engine.sql().render(DSL.name(c.columnName())));
        }
        sql.append(") VALUES ");
        String one = "(" + "?, ".repeat(columns.size() - 1) + "?)";
        for (int r = 0; r < insert.rows().size(); r++) {
            sql.append(r > 0 ? ", " : "").append(one);
        }
        Connection c = session.activeTransaction().connection(engine);
        List<Object> params = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Map<String, ?> row : insert.rows()) {
                for (Map.Entry<String, ColumnModel> col : columns.entrySet()) {
                    Object v = row.get(col.getKey());
                    params.add(v);
                    col.getValue().codec().bind(ps, p++, v, engine.dialect());
                }
            }
            SqlLog.statement(engine, sql.toString(), params);
            return new ResultImpl(List.of(), List.of(), ps.executeUpdate());
        } catch (SQLException e) {
            throw Errors.database(StatementMessages.bulkInsertFailed(m.table()), e, sql.toString());
        }
    }

}
