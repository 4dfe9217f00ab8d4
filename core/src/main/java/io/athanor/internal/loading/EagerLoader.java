package io.athanor.internal.loading;

import io.athanor.Dialect;
import io.athanor.IdentityKey;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.mapping.RelationshipModel.Direction;
import io.athanor.internal.mapping.RelationshipModel.OrderColumn;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.internal.query.FromClause;
import io.athanor.internal.query.QueryExecutor;
import io.athanor.internal.query.RelationshipJoins;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.sql.MapperStatements;
import io.athanor.internal.state.StateImpl;
import io.athanor.mapping.Lazy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.RowN;
import org.jooq.SelectQuery;
import org.jooq.impl.DSL;

/**
 * Runs a load plan over the objects a statement loaded: reads joined eager targets from each row,
 * then, level by level, remembers loader-option strategies on the objects and runs SELECTIN loads:
 * one {@code IN} query per relationship per batch of {@value #CHUNK} parents. A one-to-many selects
 * the targets by their foreign key, a many-to-many joins the association table and returns the
 * owner's key column first, a many-to-one selects only the targets that are not in the identity map.
 * Only relationships still unloaded are populated, so unflushed changes survive.
 */
public final class EagerLoader {
    /** Parents per IN query, as SQLAlchemy's selectin loader. */
    static final int CHUNK = 500;

    private final SessionContext session;

    public EagerLoader(SessionContext session) {
        this.session = session;
    }

    /** A relationship's value from the loaded objects: the list, or the first object (or null) for one object. */
    static Object value(RelationshipModel r, List<Object> values) {
        if (r.collection()) {
            return values;
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** Reads the joined eager targets of one row, below {@code parent} (which may be null: nothing to attach). */
    public void readJoined(ResultSet rs, StateImpl parent, List<EagerJoins.Node> nodes, LoadCollector c) throws SQLException {
        for (EagerJoins.Node node : nodes) {
            RelationshipModel r = node.step().relationship();
            StateImpl target = Loader.instance(session, r.target(), rs, node.offset(), false);
            if (parent != null) {
                c.joined(parent, r, target);
            }
            if (target != null) {
                c.loaded(node.step().next(), target);
                readJoined(rs, target, node.children(), c);
            }
        }
    }

    /** After all rows: stores joined values, then runs each plan's steps over the objects loaded for it. */
    public void afterRows(LoadCollector c, Collection<LoadPlan> plans) {
        c.storeJoined();
        for (LoadPlan plan : plans) {
            run(plan, c);
        }
    }

    private void run(LoadPlan plan, LoadCollector c) {
        List<StateImpl> states = c.states(plan);
        if (states.isEmpty()) {
            return;
        }
        for (LoadPlan.Step step : plan.steps) {
            RelationshipModel r = step.relationship();
            List<StateImpl> unloaded = new ArrayList<>();
            for (StateImpl s : states) {
                if (s.isUnloaded(r.fieldIndex()) && s.key() != null) {
                    unloaded.add(s);
                }
                if (step.explicit()) {
                    s.loadOverride(r, step.eager() ? null : step.strategy());
                }
            }
            if (step.strategy() == Lazy.JOINED) {
                run(step.next(), c);
            } else if (step.strategy() == Lazy.SELECTIN) {
                for (int from = 0; from < unloaded.size(); from += CHUNK) {
                    selectin(step, unloaded.subList(from, Math.min(unloaded.size(), from + CHUNK)));
                }
            } else if (step.strategy() == Lazy.NOLOAD) {
                for (StateImpl s : unloaded) {
                    s.loadedRelationship(r, value(r, List.of()));
                }
            }
        }
    }

    /** Runs a plan for objects loaded outside a planned statement (on access, by key). */
    void afterLoad(LoadPlan plan, List<StateImpl> loaded) {
        if (plan.isEmpty() || loaded.isEmpty()) {
            return;
        }
        LoadCollector c = new LoadCollector();
        for (StateImpl s : loaded) {
            c.loaded(plan, s);
        }
        run(plan, c);
    }

    // ---- SELECTIN ------------------------------------------------------------------------------

    private void selectin(LoadPlan.Step step, List<StateImpl> parents) {
        RelationshipModel r = step.relationship();
        LoadCollector c = new LoadCollector();
        if (r.direction() == Direction.MANY_TO_ONE) {
            manyToOne(step, parents, c);
        } else {
            collections(step, parents, c);
        }
        c.storeJoined();
        run(step.next(), c);
    }

    private void manyToOne(LoadPlan.Step step, List<StateImpl> parents, LoadCollector c) {
        RelationshipModel r = step.relationship();
        Mapper target = r.target();
        boolean byKey = Arrays.equals(r.remoteColumns(), target.primaryKey());
        Map<List<Object>, List<StateImpl>> waiting = new LinkedHashMap<>();
        for (StateImpl s : parents) {
            List<Object> fk = key(s, r.localColumns(), false);
            if (fk == null) {
                s.loadedRelationship(r, null);
                continue;
            }
            if (byKey) {
                Object key = target.identity(fk.toArray());
                StateImpl there = session.states().identity().get(new IdentityKey(target.identityClass(), key));
                if (there != null) {
                    s.loadedRelationship(r, there.isMarkedDeleted() ? null : there.obj);
                    continue;
                }
            }
            waiting.computeIfAbsent(fk, k -> new ArrayList<>()).add(s);
        }
        if (waiting.isEmpty()) {
            return;
        }
        Map<List<Object>, List<Object>> found = query(step, waiting.keySet(), c);
        for (Map.Entry<List<Object>, List<StateImpl>> e : waiting.entrySet()) {
            Object value = value(r, found.getOrDefault(e.getKey(), List.of()));
            for (StateImpl s : e.getValue()) {
                s.loadedRelationship(r, value);
            }
        }
    }

    private void collections(LoadPlan.Step step, List<StateImpl> parents, LoadCollector c) {
        RelationshipModel r = step.relationship();
        ColumnModel[] keyColumns = r.direction() == Direction.MANY_TO_MANY ? r.secondary().ownerKey() : r.localColumns();
        Map<List<Object>, List<StateImpl>> waiting = new LinkedHashMap<>();
        for (StateImpl s : parents) {
            List<Object> key = key(s, keyColumns, true);
            if (key == null) {
                s.loadedRelationship(r, value(r, List.of()));
            } else {
                waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        Map<List<Object>, List<Object>> found = query(step, waiting.keySet(), c);
        for (Map.Entry<List<Object>, List<StateImpl>> e : waiting.entrySet()) {
            List<Object> children = found.getOrDefault(e.getKey(), List.of());
            for (StateImpl s : e.getValue()) {
                s.loadedRelationship(r, value(r, new ArrayList<>(children)));
            }
        }
    }

    private static List<Object> key(StateImpl s, ColumnModel[] columns, boolean committed) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = committed ? s.committedValue(columns[i]) : s.value(columns[i]);
            if (values[i] == null) {
                return null;
            }
        }
        return List.of(values);
    }

    /** Where an IN query reads from: the match columns, the columns to group by, the FROM item. */
    private record Source(List<Field<?>> lead, List<Field<Object>> match, ColumnModel[] groupBy, FromClause from) {
    }

    private static Source source(RelationshipModel r) {
        Mapper target = r.target();
        String t = target.table();
        List<Field<?>> lead = new ArrayList<>();
        List<Field<Object>> match = new ArrayList<>();
        if (r.direction() == Direction.MANY_TO_MANY) {
            String secondary = r.secondary().table();
            for (String col : r.secondary().ownerColumns()) {
                Field<Object> f = RelationshipJoins.column(secondary, col);
                lead.add(f);
                match.add(f);
            }
            return new Source(lead, match, r.secondary().ownerKey(), new FromClause(t, target.fromTable()
                    .join(DSL.table(DSL.name(secondary))).on(RelationshipJoins.secondaryToTarget(r, secondary, t))));
        }
        for (ColumnModel col : r.remoteColumns()) {
            match.add(RelationshipJoins.column(target, col, t));
        }
        return new Source(lead, match, r.remoteColumns(), new FromClause(t, target.fromTable()));
    }

    /**
     * The IN query of one batch: the targets grouped by the key they were selected for (the
     * owner-side values), in row order, each once.
     */
    private Map<List<Object>, List<Object>> query(LoadPlan.Step step, Collection<List<Object>> keys, LoadCollector c) {
        RelationshipModel r = step.relationship();
        Mapper target = r.target();
        EngineImpl engine = session.bindFor(target);
        Source source = source(r);
        int targetOffset = source.lead().size();
        EagerJoins joins = new EagerJoins(targetOffset + target.columns().length);
        List<EagerJoins.Node> nodes = joins.add(source.from(), target.table(), target.table(), step.next());
        // the SQL of a shape is rendered once: only the keys change from one batch to the next
        List<Object> binds = new ArrayList<>(keys.size() * source.match().size());
        for (List<Object> k : keys) {
            binds.addAll(k);
        }
        LoadShape shape = new LoadShape(r, shapeOf(step.next()), keys.size());
        MapperStatements statements = target.statements(engine.dialect());
        String sql = statements.load(shape);
        if (sql == null || sql.isEmpty()) {
            QueryExecutor.Rendered rendered = QueryExecutor.render(session, engine, select(engine, r, source, joins, keys));
            if (sql == null) {
                // reusable only when the keys are the statement's only parameters, in order
                statements.rememberLoad(shape, rendered.binds().equals(binds) ? rendered.sql() : "");
            }
            sql = rendered.sql();
            binds = rendered.binds();
        }
        // a target repeats under one key only when joined collections below it repeat its row, or a
        // secondary table lists a pair twice; otherwise each row is a new (key, target) pair
        boolean rowsRepeat = !nodes.isEmpty() || r.direction() == Direction.MANY_TO_MANY;
        Rows rows = new Rows(step, source, targetOffset, nodes, c, engine.dialect(), rowsRepeat);
        QueryExecutor.run(session, engine, sql, binds, StatementMessages.selectinFailed(r), rows::read);
        return rows.found;
    }

    private static SelectQuery<?> select(EngineImpl engine, RelationshipModel r, Source source, EagerJoins joins,
                                         Collection<List<Object>> keys) {
        Mapper target = r.target();
        String t = target.table();
        SelectQuery<?> q = engine.sql().selectQuery();
        q.addSelect(source.lead());
        q.addSelect(RelationshipJoins.columns(target, t));
        q.addSelect(joins.fields);
        q.addFrom(source.from().tables());
        q.addConditions(in(source.match(), keys));
        Condition identity = target.identityCriterion(t);
        if (identity != null) {
            q.addConditions(identity);
        }
        List<OrderField<?>> order = new ArrayList<>();
        for (OrderColumn o : r.orderBy()) {
            Field<Object> f = RelationshipJoins.column(target, o.column(), t);
            order.add(o.descending() ? f.desc() : f);
        }
        order.addAll(joins.orderBy);
        q.addOrderBy(order);
        return q;
    }

    /** Reads the rows of one IN query into the targets of each owner key. */
    private final class Rows {
        final Map<List<Object>, List<Object>> found = new LinkedHashMap<>();
        private final LoadPlan.Step step;
        private final Source source;
        private final int targetOffset;
        private final List<EagerJoins.Node> nodes;
        private final LoadCollector collector;
        private final Dialect dialect;
        private final Map<List<Object>, Set<Object>> distinct;
        private final Object[] key;
        private final Group last = new Group();

        Rows(LoadPlan.Step step, Source source, int targetOffset, List<EagerJoins.Node> nodes, LoadCollector collector,
             Dialect dialect, boolean rowsRepeat) {
            this.step = step;
            this.source = source;
            this.targetOffset = targetOffset;
            this.nodes = nodes;
            this.collector = collector;
            this.dialect = dialect;
            this.distinct = rowsRepeat ? new HashMap<>() : null;
            this.key = new Object[source.groupBy().length];
        }

        void read(java.sql.ResultSet rs) throws java.sql.SQLException {
            ColumnModel[] groupBy = source.groupBy();
            boolean nullKey = false;
            for (int i = 0; i < key.length; i++) {
                int column = source.lead().isEmpty() ? targetOffset + groupBy[i].position() + 1 : i + 1;
                key[i] = groupBy[i].read(rs, column, dialect);
                nullKey |= key[i] == null;
            }
            StateImpl loaded = Loader.instance(session, step.relationship().target(), rs, targetOffset, false, dialect);
            if (loaded == null) {
                return;
            }
            collector.loaded(step.next(), loaded);
            readJoined(rs, loaded, nodes, collector);
            if (loaded.isMarkedDeleted() || nullKey) {
                return;
            }
            if (last.key == null || !Arrays.equals(last.key, key)) {
                // rows of one owner usually come together: the lookups run when the owner changes
                last.key = key.clone();
                List<Object> k = List.of(last.key);
                last.targets = found.computeIfAbsent(k, x -> new ArrayList<>());
                last.seen = distinct != null
                        ? distinct.computeIfAbsent(k, x -> Collections.newSetFromMap(new IdentityHashMap<>())) : null;
            }
            if (last.seen == null || last.seen.add(loaded.obj)) {
                last.targets.add(loaded.obj);
            }
        }
    }

    /** What the SQL of an IN query depends on besides the dialect and the target's mapper. */
    private record LoadShape(RelationshipModel relationship, List<Object> nested, int keys) {
    }

    /** The relationships and strategies of a plan and of the plans under it, comparable by value. */
    private static List<Object> shapeOf(LoadPlan plan) {
        if (plan == null || plan.isEmpty()) {
            return List.of();
        }
        List<Object> shape = new ArrayList<>();
        for (LoadPlan.Step s : plan.steps) {
            shape.add(s.relationship());
            shape.add(s.strategy());
            shape.add(shapeOf(s.next()));
        }
        return shape;
    }

    /** The owner key of the previous row of an IN query, and where its targets go. */
    private static final class Group {
        Object[] key;
        List<Object> targets;
        Set<Object> seen;
    }

    private static Condition in(List<Field<Object>> columns, Collection<List<Object>> keys) {
        if (columns.size() == 1) {
            List<Object> values = new ArrayList<>(keys.size());
            for (List<Object> k : keys) {
                values.add(k.get(0));
            }
            return columns.get(0).in(values);
        }
        List<RowN> rows = new ArrayList<>(keys.size());
        for (List<Object> k : keys) {
            rows.add(DSL.row(k.toArray()));
        }
        return DSL.row(columns).in(rows);
    }
}
