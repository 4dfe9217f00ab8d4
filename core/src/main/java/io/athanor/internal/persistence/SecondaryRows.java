package io.athanor.internal.persistence;

import io.athanor.Dialect;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.SqlLog;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.mapping.RelationshipModel.Direction;
import io.athanor.internal.mapping.SecondaryTable;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.state.Relationships;
import io.athanor.internal.state.StateImpl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.impl.DSL;

/**
 * The rows of many-to-many association tables a flush writes: one row per pair added to a
 * collection and a DELETE per pair removed, each pair once even when both sides of a
 * back-populated pair changed.
 */
public final class SecondaryRows {
    private final SessionContext session;
    private final Map<PairKey, Pair> added = new LinkedHashMap<>();
    private final Map<PairKey, Pair> removed = new LinkedHashMap<>();

    /** The owner and target states of a pair, kept to read their keys after the inserts. */
    private record Pair(RelationshipModel relationship, StateImpl owner, StateImpl target) {
    }

    /** A pair of objects in one association table, the same from either side: equal by identity, unordered. */
    private record PairKey(String table, Object a, Object b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PairKey k && k.table.equals(table)
                    && ((k.a == a && k.b == b) || (k.a == b && k.b == a));
        }

        @Override
        public int hashCode() {
            return table.hashCode() * 31 + (System.identityHashCode(a) ^ System.identityHashCode(b));
        }
    }

    public SecondaryRows(SessionContext session) {
        this.session = session;
    }

    public void collect(List<StateImpl> states) {
        for (StateImpl s : states) {
            for (RelationshipModel r : s.mapper.relationships()) {
                if (r.direction() != Direction.MANY_TO_MANY || s.isUnloaded(r.fieldIndex())) {
                    continue;
                }
                for (Object o : Relationships.addedSinceFlush(s, r)) {
                    StateImpl t = Relationships.stateOf(r.target(), o);
                    added.putIfAbsent(new PairKey(r.secondary().table(), s, t), new Pair(r, s, t));
                }
                for (Object o : Relationships.removedSinceFlush(s, r)) {
                    StateImpl t = Relationships.stateOf(r.target(), o);
                    removed.putIfAbsent(new PairKey(r.secondary().table(), s, t), new Pair(r, s, t));
                }
            }
        }
    }

    /** DELETEs removed pairs, then INSERTs added ones (keys are known: the inserts have run). */
    public void write() {
        for (Map.Entry<PairKey, Pair> e : removed.entrySet()) {
            if (!added.containsKey(e.getKey())) {
                delete(e.getValue().relationship(), e.getValue().owner(), e.getValue().target());
            }
        }
        for (Map.Entry<PairKey, Pair> e : added.entrySet()) {
            if (!removed.containsKey(e.getKey())) {
                insert(e.getValue().relationship(), e.getValue().owner(), e.getValue().target());
            }
        }
    }

    private void insert(RelationshipModel r, StateImpl owner, StateImpl target) {
        SecondaryTable t = r.secondary();
        List<String> columns = new ArrayList<>(List.of(t.ownerColumns()));
        columns.addAll(List.of(t.targetColumns()));
        List<Object> values = keyValues(owner, t.ownerKey());
        values.addAll(keyValues(target, t.targetKey()));
        List<ColumnModel> types = new ArrayList<>(List.of(t.ownerKey()));
        types.addAll(List.of(t.targetKey()));
        EngineImpl engine = session.bindFor(r.owner());
        String sql = "INSERT INTO " + q(engine, t.table()) + " (" + String.join(", ",
                columns.stream().map(c -> q(engine, c)).toList()) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)";
        execute(engine, r.owner(), sql, values, types);
    }

    private void delete(RelationshipModel r, StateImpl owner, StateImpl target) {
        SecondaryTable t = r.secondary();
        List<Object> values = keyValues(owner, t.ownerKey());
        values.addAll(keyValues(target, t.targetKey()));
        List<ColumnModel> types = new ArrayList<>(List.of(t.ownerKey()));
        types.addAll(List.of(t.targetKey()));
        List<String> columns = new ArrayList<>(List.of(t.ownerColumns()));
        columns.addAll(List.of(t.targetColumns()));
        EngineImpl engine = session.bindFor(r.owner());
        String sql = "DELETE FROM " + q(engine, t.table()) + " WHERE " + String.join(" AND ",
                columns.stream().map(c -> q(engine, c) + " = ?").toList());
        execute(engine, r.owner(), sql, values, types);
    }

    /** Before deleting instances: their association rows go, on every many-to-many that reaches them. */
    public void deleteRowsOf(List<StateImpl> deletes) {
        for (StateImpl d : deletes) {
            Set<String> done = new LinkedHashSet<>();
            for (Mapper m : session.registry().ordered()) {
                for (RelationshipModel r : m.relationships()) {
                    if (r.direction() != Direction.MANY_TO_MANY) {
                        continue;
                    }
                    SecondaryTable t = r.secondary();
                    boolean knownEmpty = r.owner() == d.mapper && !d.isUnloaded(r.fieldIndex())
                            && Relationships.related(d, r).isEmpty() && Relationships.removedSinceFlush(d, r).isEmpty();
                    if (r.owner() == d.mapper && !knownEmpty
                            && done.add(t.table() + String.join(",", t.ownerColumns()))) {
                        deleteWhere(r, t.table(), t.ownerColumns(), t.ownerKey(), d);
                    }
                    if (r.target() == d.mapper && done.add(t.table() + String.join(",", t.targetColumns()))) {
                        deleteWhere(r, t.table(), t.targetColumns(), t.targetKey(), d);
                    }
                }
            }
        }
    }

    private void deleteWhere(RelationshipModel r, String table, String[] columns, ColumnModel[] key, StateImpl d) {
        EngineImpl engine = session.bindFor(r.owner());
        String sql = "DELETE FROM " + q(engine, table) + " WHERE " + String.join(" AND ",
                List.of(columns).stream().map(c -> q(engine, c) + " = ?").toList());
        List<Object> values = new ArrayList<>();
        for (ColumnModel k : key) {
            values.add(d.committedValue(k));
        }
        execute(engine, r.owner(), sql, values, List.of(key));
    }

    private static List<Object> keyValues(StateImpl s, ColumnModel[] key) {
        List<Object> values = new ArrayList<>();
        for (ColumnModel k : key) {
            values.add(s.value(k));
        }
        return values;
    }

    private static String q(EngineImpl engine, String name) {
        return engine.sql().render(DSL.name(name));
    }

    private void execute(EngineImpl engine, Mapper m, String sql, List<Object> values, List<ColumnModel> types) {
        Connection c = session.connection(m);
        Dialect dialect = engine.dialect();
        SqlLog.statement(engine, sql, values);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                types.get(i).codec().bind(ps, i + 1, values.get(i), dialect);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Errors.database(SessionMessages.associationRowsFailed(), e, sql);
        }
    }
}
