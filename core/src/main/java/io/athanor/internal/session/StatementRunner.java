package io.athanor.internal.session;

import io.athanor.Dialect;
import io.athanor.IdentityKey;
import io.athanor.InvalidRequestException;
import io.athanor.Result;
import io.athanor.ScalarResult;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.SqlLog;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.sql.ResultImpl;
import io.athanor.internal.sql.ScalarResultImpl;
import io.athanor.internal.sql.TextParameters;
import io.athanor.internal.types.ColumnCodec;
import io.athanor.internal.types.Codecs;
import io.athanor.metamodel.ColumnAttribute;
import io.athanor.metamodel.MappedExpression;
import io.athanor.sql.Delete;
import io.athanor.sql.Insert;
import io.athanor.sql.Select;
import io.athanor.sql.Statement;
import io.athanor.sql.Sync;
import io.athanor.sql.TextClause;
import io.athanor.sql.Update;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Runs queries and statements for a session: compiles them with jOOQ, binds, reads rows into instances. */
final class StatementRunner {
    private final SessionImpl session;

    StatementRunner(SessionImpl session) {
        this.session = session;
    }

    // ---- by key ----------------------------------------------------------------------------------

    Object loadByKey(Mapper m, Object key) {
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
                StateImpl s = Loader.instance(session, m, rs, 0, false);
                return s == null ? null : s.obj;
            }
        } catch (SQLException e) {
            throw Errors.database("ATHANOR-4030: loading " + m.type().getSimpleName() + " " + key + " failed", e, sql);
        }
    }

    // ---- select ----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    <T> ScalarResult<T> scalars(Select<T> select) {
        List<Object[]> rows = runSelect(select, null);
        List<T> values = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            values.add((T) r[0]);
        }
        return new ScalarResultImpl<>(values);
    }

    Result execute(Statement statement, Map<String, ?> parameters) {
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
        throw new InvalidRequestException("ATHANOR-4031: can't execute " + statement + ": pass a select(), insert(), "
                + "update(), delete() or text() statement");
    }

    private List<Object[]> runSelect(Select<?> select, List<String> labels) {
        List<Object> selected = select.selected();
        List<Mapper> mappers = new ArrayList<>();
        List<SelectField<?>> fields = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        Mapper first = null;
        for (Object o : selected) {
            if (o instanceof Class<?> c) {
                Mapper m = session.registry.mapper(c);
                first = first == null ? m : first;
                tables.add(m.table());
                for (ColumnModel col : m.columns()) {
                    fields.add(DSL.field(DSL.name(m.table(), col.columnName()), SQLDataType.OTHER));
                }
                if (labels != null) {
                    labels.add(c.getSimpleName());
                }
            } else if (o instanceof ColumnAttribute<?> a) {
                Mapper m = session.registry.mapper(a.entity());
                first = first == null ? m : first;
                tables.add(m.table());
                fields.add(a);
                if (labels != null) {
                    labels.add(a.attribute());
                }
            } else {
                SelectField<?> f = (SelectField<?>) o;
                if (o instanceof MappedExpression<?> e) {
                    // An expression over one mapped class's columns (a hybrid): its table joins FROM.
                    Mapper m = session.registry.mapper(e.entity());
                    first = first == null ? m : first;
                    tables.add(m.table());
                }
                fields.add(f);
                if (labels != null) {
                    labels.add(f.getName());
                }
            }
        }
        if (first != null) {
            session.autoflush();
        }
        EngineImpl engine = first == null ? session.maker.defaultBind() : session.bindFor(first);
        DSLContext ctx = engine.sql();
        List<Table<?>> from = new ArrayList<>();
        for (String t : tables) {
            from.add(DSL.table(DSL.name(t)));
        }
        var where = ctx.select(fields).from(from).where(select.whereConditions());
        // jOOQ renders an empty list as GROUP BY (), which groups all rows into one.
        var query = select.groupByFields().isEmpty() ? where.orderBy(select.orderByFields())
                : where.groupBy(select.groupByFields()).orderBy(select.orderByFields());
        Query finalQuery = query;
        if (select.limitValue() != null && select.offsetValue() != null) {
            finalQuery = query.limit(select.limitValue()).offset(select.offsetValue());
        } else if (select.limitValue() != null) {
            finalQuery = query.limit(select.limitValue());
        } else if (select.offsetValue() != null) {
            finalQuery = query.offset(select.offsetValue());
        }
        String sql = ctx.render(finalQuery);
        List<Object> binds = ctx.extractBindValues(finalQuery);
        Connection c = session.activeTransaction().connection(engine);
        SqlLog.statement(engine, sql, binds);
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, binds, engine.dialect());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(readRow(rs, selected, engine.dialect()));
                }
            }
        } catch (SQLException e) {
            throw Errors.database("ATHANOR-4032: query failed", e, sql);
        }
        return rows;
    }

    private Object[] readRow(ResultSet rs, List<Object> selected, Dialect dialect) throws SQLException {
        Object[] row = new Object[selected.size()];
        int offset = 0;
        for (int i = 0; i < row.length; i++) {
            Object o = selected.get(i);
            if (o instanceof Class<?> c) {
                Mapper m = session.registry.mapper(c);
                StateImpl s = Loader.instance(session, m, rs, offset, false);
                row[i] = s == null ? null : s.obj;
                offset += m.columns().length;
            } else if (o instanceof ColumnAttribute<?> a) {
                ColumnModel col = session.registry.mapper(a.entity()).column(a.attribute());
                row[i] = col == null ? rs.getObject(offset + 1) : col.codec().read(rs, offset + 1, dialect);
                offset++;
            } else {
                ColumnCodec codec = o instanceof MappedExpression<?> e ? Codecs.forJavaType(e.javaType()) : null;
                row[i] = codec == null ? rs.getObject(offset + 1) : codec.read(rs, offset + 1, dialect);
                offset++;
            }
        }
        return row;
    }

    private void bindAll(PreparedStatement ps, List<Object> values, Dialect dialect) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            session.maker.codecForValue(v).bind(ps, i + 1, v, dialect);
        }
    }

    // ---- text ------------------------------------------------------------------------------------

    private Result text(TextClause text, Map<String, ?> parameters) {
        EngineImpl engine = session.maker.defaultBind();
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
            throw Errors.database("ATHANOR-4033: text() statement failed", e, parsed.sql());
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
            throw Errors.database("ATHANOR-4034: statement failed", e, sql);
        }
    }

    private Condition where(List<Condition> conditions) {
        return conditions.isEmpty() ? DSL.noCondition() : DSL.and(conditions);
    }

    @SuppressWarnings("unchecked")
    private Result update(Update update) {
        Mapper m = session.registry.mapper(update.entity());
        session.autoflush();
        EngineImpl engine = session.bindFor(m);
        if (update.values().isEmpty()) {
            throw new InvalidRequestException("ATHANOR-4035: update(" + m.type().getSimpleName() + ") sets no column: "
                    + "add .set(column, value)");
        }
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        BitSet expired = new BitSet();
        for (Map.Entry<Field<?>, Object> e : update.values().entrySet()) {
            Field<Object> column = e.getKey() instanceof ColumnAttribute<?> a
                    ? DSL.field(DSL.name(a.column()), SQLDataType.OTHER) : (Field<Object>) e.getKey();
            if (e.getKey() instanceof ColumnAttribute<?> a && m.column(a.attribute()) != null) {
                expired.set(m.column(a.attribute()).fieldIndex());
            }
            Object v = e.getValue();
            values.put(column, v instanceof Field<?> f ? f : DSL.val(v, SQLDataType.OTHER));
        }
        var more = engine.sql().update(DSL.table(DSL.name(m.table()))).set(values);
        int count = run(engine, more.where(where(update.whereConditions())));
        if (update.sync() != Sync.NONE) {
            for (StateImpl s : session.identity.values()) {
                if (s.mapper == m) {
                    s.expire(expired);
                }
            }
        }
        return new ResultImpl(List.of(), List.of(), count);
    }

    private Result delete(Delete delete) {
        Mapper m = session.registry.mapper(delete.entity());
        session.autoflush();
        EngineImpl engine = session.bindFor(m);
        Condition where = where(delete.whereConditions());
        List<Object> matched = delete.sync() == Sync.NONE ? List.of() : matchingKeys(m, engine, where);
        int count = run(engine, engine.sql().deleteFrom(DSL.table(DSL.name(m.table()))).where(where));
        TransactionImpl tx = session.activeTransaction();
        for (Object key : matched) {
            StateImpl s = session.identity.remove(new IdentityKey(m.type(), key));
            if (s != null) {
                s.status = Status.DELETED;
                s.markedDeleted = false;
                session.markedDeleted.remove(s);
                session.modifiedStates.remove(s);
                tx.deleted.add(s);
            }
        }
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
                        values[i] = m.primaryKey()[i].codec().read(rs, i + 1, engine.dialect());
                    }
                    keys.add(m.identity(values));
                }
            }
        } catch (SQLException e) {
            throw Errors.database("ATHANOR-4036: selecting the rows to delete failed", e, sql);
        }
        return keys;
    }

    private Result insert(Insert insert) {
        Mapper m = session.registry.mapper(insert.entity());
        if (insert.rows().isEmpty()) {
            return new ResultImpl(List.of(), List.of(), 0);
        }
        session.autoflush();
        Map<String, ColumnModel> columns = new LinkedHashMap<>();
        for (Map<String, ?> row : insert.rows()) {
            for (String attr : row.keySet()) {
                ColumnModel c = m.column(attr);
                if (c == null) {
                    throw new InvalidRequestException("ATHANOR-4037: insert(" + m.type().getSimpleName() + ") has a value "
                            + "for '" + attr + "', which is not a mapped attribute");
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
            throw Errors.database("ATHANOR-4038: bulk INSERT into " + m.table() + " failed", e, sql.toString());
        }
    }

}
