package io.athanor.internal.query;

import io.athanor.Dialect;
import io.athanor.InvalidRequestException;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.loading.EagerJoins;
import io.athanor.internal.loading.EagerLoader;
import io.athanor.internal.loading.LoadCollector;
import io.athanor.internal.loading.LoadPlan;
import io.athanor.internal.loading.Loader;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.state.StateImpl;
import io.athanor.internal.types.Codecs;
import io.athanor.internal.types.ColumnCodec;
import io.athanor.metamodel.ColumnAttribute;
import io.athanor.metamodel.MappedExpression;
import io.athanor.sql.LoaderOption;
import io.athanor.sql.Select;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.OrderField;
import org.jooq.SelectField;
import org.jooq.SelectQuery;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Compiles and runs an ORM select: the FROM clause with the relationship joins, the loader plan of
 * each selected class (loader options over mapped strategies), the LEFT OUTER JOINs of joined eager
 * loading, then the SELECTIN loads. With LIMIT/OFFSET and a joined collection, the limited query
 * becomes a subquery {@code anon_1} that the eager joins attach to, as SQLAlchemy does, so the limit
 * counts parents, not joined rows. A query with a joined collection returns unique rows (SQLAlchemy
 * asks for {@code .unique()} there; Athanor applies it).
 */
final class SelectRunner {
    static final String ANON = "anon_1";

    private final SessionContext session;

    SelectRunner(SessionContext session) {
        this.session = session;
    }

    /** One selected thing: a mapped class (with its plan and joined eager columns) or a column. */
    private static final class Item {
        final Object selected;
        final Mapper mapper;
        final ColumnModel column;
        LoadPlan plan;
        List<EagerJoins.Node> joined = List.of();
        /** The dialect of the mapper's bind, looked up once per statement. */
        Dialect dialect;
        /** The instance the previous row gave, reused when the next row repeats it (a joined collection's rows). */
        StateImpl previous;

        Item(Object selected, Mapper mapper, ColumnModel column) {
            this.selected = selected;
            this.mapper = mapper;
            this.column = column;
        }

        boolean entity() {
            return selected instanceof Class<?>;
        }
    }

    /** A select compiled for running: the selected items with their plans, the engine and the query. */
    final class Compiled {
        private final List<Item> items;
        final EngineImpl engine;
        final SelectQuery<?> query;
        /** A joined collection repeats parents: rows are made unique (SQLAlchemy asks for unique() there). */
        final boolean unique;
        final List<LoadPlan> plans = new ArrayList<>();

        private Compiled(List<Item> items, EngineImpl engine, SelectQuery<?> query) {
            this.items = items;
            this.engine = engine;
            this.query = query;
            this.unique = items.stream().anyMatch(i -> i.entity() && i.plan.joinsCollection());
            for (Item item : items) {
                if (item.entity()) {
                    plans.add(item.plan);
                }
            }
        }

        /** Reads one row into its values (instances through the identity map), noting what eager loads need. */
        Object[] read(ResultSet rs, LoadCollector collector, EagerLoader eager) throws SQLException {
            return readRow(rs, items, engine.dialect(), collector, eager);
        }
    }

    List<Object[]> run(Select<?> select, List<String> labels) {
        List<Object[]> rows = new ArrayList<>();
        run(select, labels, false, rows);
        return rows;
    }

    /**
     * The first element of every row (SQLAlchemy's {@code scalars()}); a select of one thing
     * builds no row arrays.
     */
    List<Object> scalars(Select<?> select) {
        List<Object> values = new ArrayList<>();
        run(select, null, true, values);
        return values;
    }

    @SuppressWarnings("unchecked")
    private void run(Select<?> select, List<String> labels, boolean scalars, List<?> out) {
        Compiled c = compile(select, labels);
        LoadCollector collector = new LoadCollector();
        EagerLoader eager = new EagerLoader(session);
        Set<RowKey> distinct = new HashSet<>();
        Dialect dialect = c.engine.dialect();
        if (scalars && c.items.size() == 1) {
            List<Object> values = (List<Object>) out;
            Item item = c.items.get(0);
            Object[] previous = {null};
            QueryExecutor.run(session, c.engine, c.query, StatementMessages.queryFailed(), rs -> {
                Object value = read(rs, item, 0, dialect, collector, eager);
                if (!c.unique) {
                    values.add(value);
                } else if (value != previous[0] || value == null) {
                    // a joined collection repeats its parent on consecutive rows: only a change is looked up
                    previous[0] = value;
                    if (distinct.add(new RowKey(new Object[] {value}))) {
                        values.add(value);
                    }
                }
            });
        } else {
            List<Object> rows = (List<Object>) out;
            QueryExecutor.run(session, c.engine, c.query, StatementMessages.queryFailed(), rs -> {
                Object[] row = readRow(rs, c.items, dialect, collector, eager);
                if (!c.unique || distinct.add(new RowKey(row))) {
                    rows.add(scalars ? row[0] : row);
                }
            });
        }
        eager.afterRows(collector, c.plans);
    }

    /** Resolves what is selected (labels collected when asked for), autoflushes, plans the loads and builds the query. */
    Compiled compile(Select<?> select, List<String> labels) {
        List<Item> items = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        Mapper first = null;
        for (Object o : select.selected()) {
            Item item;
            if (o instanceof Class<?> c) {
                item = new Item(o, session.registry().mapper(c), null);
                tables.add(item.mapper.table());
                if (labels != null) {
                    labels.add(c.getSimpleName());
                }
            } else if (o instanceof ColumnAttribute<?> a) {
                Mapper m = session.registry().mapper(a.entity());
                item = new Item(o, m, m.column(a.attribute()));
                tables.add(m.table());
                if (labels != null) {
                    labels.add(a.attribute());
                }
            } else {
                item = new Item(o, null, null);
                if (o instanceof MappedExpression<?> e) {
                    // an expression over one mapped class's columns (a hybrid): its table joins FROM
                    Mapper m = session.registry().mapper(e.entity());
                    tables.add(m.table());
                    first = first == null ? m : first;
                }
                if (labels != null) {
                    labels.add(((SelectField<?>) o).getName());
                }
            }
            first = first == null ? item.mapper : first;
            items.add(item);
        }
        if (first != null) {
            session.autoflush();
        }
        List<LoaderOption<?>> options = options(select, items);
        for (Item item : items) {
            if (item.entity()) {
                item.plan = LoadPlan.forQuery(item.mapper, options);
                item.dialect = session.dialectFor(item.mapper);
            }
        }
        EngineImpl engine = first == null ? session.maker().defaultBind() : session.bindFor(first);
        return new Compiled(items, engine, compile(engine, select, items, tables));
    }

    private static List<LoaderOption<?>> options(Select<?> select, List<Item> items) {
        List<LoaderOption<?>> options = new ArrayList<>();
        for (Object o : select.loaderOptions()) {
            if (!(o instanceof LoaderOption<?> option)) {
                throw new InvalidRequestException(StatementMessages.notALoaderOption(o));
            }
            boolean applies = items.stream().anyMatch(i -> i.entity()
                    && LoadPlan.startsAt(i.mapper, option.path().get(0).relationship()));
            if (!applies) {
                throw new InvalidRequestException(StatementMessages.optionAppliesToNothing(option,
                        option.path().get(0).relationship().owner()));
            }
            options.add(option);
        }
        return options;
    }

    private SelectQuery<?> compile(EngineImpl engine, Select<?> select, List<Item> items, Set<String> tables) {
        Item only = items.size() == 1 && items.get(0).entity() ? items.get(0) : null;
        boolean limited = select.limitValue() != null || select.offsetValue() != null;
        boolean wrap = limited && items.stream().anyMatch(i -> i.entity() && i.plan.joinsCollection());
        FromClause from = new FromClause(tables, select.joins(), session.registry()::mapper, t -> {
            Mapper m = session.registry().mapperForTable(t);
            return m == null ? DSL.table(DSL.name(t)) : m.fromTable();
        });
        if (wrap && only == null) {
            throw new InvalidRequestException(StatementMessages.joinedCollectionWithLimit());
        }
        if (wrap) {
            return wrapped(engine, select, only, from, items);
        }
        SelectQuery<?> q = engine.sql().selectQuery();
        int width = 0;
        for (Item item : items) {
            width += item.entity() ? item.mapper.columns().length : 1;
        }
        EagerJoins joins = new EagerJoins(width);
        for (Item item : items) {
            if (item.entity()) {
                q.addSelect(RelationshipJoins.columns(item.mapper, item.mapper.table()));
                item.joined = joins.add(from, item.mapper.table(), item.mapper.table(), item.plan);
            } else {
                q.addSelect((SelectField<?>) item.selected);
            }
        }
        q.addSelect(joins.fields);
        if (!from.isEmpty()) {
            q.addFrom(from.tables());
        }
        q.addConditions(select.whereConditions());
        q.addConditions(identityCriteria(items));
        // jOOQ renders an empty list as GROUP BY (), which groups all rows into one
        if (!select.groupByFields().isEmpty()) {
            q.addGroupBy(select.groupByFields());
        }
        q.addOrderBy(select.orderByFields());
        q.addOrderBy(joins.orderBy);
        limit(q, select);
        return q;
    }

    /**
     * One selected class with a joined collection and a limit: the limit applies to the parents in a
     * subquery, and the joined eager loads join it outside.
     */
    private SelectQuery<?> wrapped(EngineImpl engine, Select<?> select, Item only, FromClause from, List<Item> items) {
        SelectQuery<?> q = engine.sql().selectQuery();
        SelectQuery<?> inner = engine.sql().selectQuery();
        inner.addSelect(RelationshipJoins.columns(only.mapper, only.mapper.table()));
        inner.addFrom(from.tables());
        inner.addConditions(select.whereConditions());
        inner.addConditions(identityCriteria(items));
        if (!select.groupByFields().isEmpty()) {
            inner.addGroupBy(select.groupByFields());
        }
        inner.addOrderBy(select.orderByFields());
        limit(inner, select);
        String table = only.mapper.table();
        FromClause outer = new FromClause(table, inner.asTable(DSL.name(ANON)));
        EagerJoins joins = new EagerJoins(only.mapper.columns().length);
        only.joined = joins.add(outer, table, ANON, only.plan);
        q.addSelect(RelationshipJoins.columns(only.mapper, ANON));
        q.addSelect(joins.fields);
        q.addFrom(outer.tables());
        for (OrderField<?> o : select.orderByFields()) {
            q.addOrderBy(adapted(o, Map.of(table, ANON)));
        }
        q.addOrderBy(joins.orderBy);
        return q;
    }

    /** Selecting a subclass of a single-table hierarchy (or its columns) selects its rows only. */
    private static List<Condition> identityCriteria(List<Item> items) {
        List<Condition> criteria = new ArrayList<>();
        Set<Mapper> seen = new java.util.HashSet<>();
        for (Item item : items) {
            if (item.mapper != null && seen.add(item.mapper)) {
                Condition c = item.mapper.identityCriterion(item.mapper.table());
                if (c != null) {
                    criteria.add(c);
                }
            }
        }
        return criteria;
    }

    private static void limit(SelectQuery<?> q, Select<?> select) {
        if (select.limitValue() != null) {
            q.addLimit(select.limitValue());
        }
        if (select.offsetValue() != null) {
            q.addOffset(select.offsetValue());
        }
    }

    /** An ORDER BY term rendered with the tables renamed (the parent's table is the subquery outside it). */
    private static OrderField<?> adapted(OrderField<?> order, Map<String, String> aliases) {
        return CustomField.of(DSL.name("adapted"), SQLDataType.OTHER,
                ctx -> ctx.data(ColumnAttribute.TABLE_ALIASES, aliases, c -> c.visit(order)));
    }

    private Object[] readRow(ResultSet rs, List<Item> items, Dialect dialect, LoadCollector collector,
                             EagerLoader eager) throws SQLException {
        Object[] row = new Object[items.size()];
        int offset = 0;
        for (int i = 0; i < row.length; i++) {
            Item item = items.get(i);
            row[i] = read(rs, item, offset, dialect, collector, eager);
            offset += item.entity() ? item.mapper.columns().length : 1;
        }
        return row;
    }

    /** One selected thing of the current row, whose columns start after {@code offset}. */
    private Object read(ResultSet rs, Item item, int offset, Dialect dialect, LoadCollector collector,
                        EagerLoader eager) throws SQLException {
        if (item.entity()) {
            StateImpl s = Loader.instance(session, item.mapper, rs, offset, false, item.dialect, item.previous);
            item.previous = s;
            if (s != null) {
                collector.loaded(item.plan, s);
            }
            eager.readJoined(rs, s, item.joined, collector);
            return s == null ? null : s.obj;
        }
        if (item.column != null) {
            return item.column.read(rs, offset + 1, dialect);
        }
        ColumnCodec codec = item.selected instanceof MappedExpression<?> e ? Codecs.forJavaType(e.javaType()) : null;
        return codec == null ? rs.getObject(offset + 1) : codec.read(rs, offset + 1, dialect);
    }

    /** A row compared element by element: mapped objects by identity, values by equals. */
    private record RowKey(Object[] values) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RowKey other) || other.values.length != values.length) {
                return false;
            }
            for (int i = 0; i < values.length; i++) {
                Object a = values[i];
                Object b = other.values[i];
                if (a instanceof Enhanced ? a != b : !Objects.equals(a, b)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (Object v : values) {
                h = 31 * h + (v instanceof Enhanced ? System.identityHashCode(v) : Objects.hashCode(v));
            }
            return h;
        }
    }
}
