package io.athanor.internal.loading;

import io.athanor.IdentityKey;
import io.athanor.InvalidRequestException;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.SqlLog;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.mapping.RelationshipModel.Direction;
import io.athanor.internal.mapping.RelationshipModel.OrderColumn;
import io.athanor.internal.mapping.SecondaryTable;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.query.RelationshipJoins;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.state.Relationships;
import io.athanor.internal.state.StateImpl;
import io.athanor.mapping.Lazy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * Loads one relationship of one instance on first access ({@code lazy = SELECT}): a many-to-one
 * from the identity map when the target is there (no SQL), otherwise one SELECT; a collection with
 * one SELECT of the target rows. {@code RAISE} refuses, {@code NOLOAD} gives an empty value.
 */
public final class RelationshipLoader {
    private final SessionContext session;

    public RelationshipLoader(SessionContext session) {
        this.session = session;
    }

    public void load(StateImpl s, RelationshipModel r, boolean onAccess) {
        Lazy lazy = s.accessStrategy(r);
        if (onAccess && lazy == Lazy.RAISE) {
            throw new InvalidRequestException(SessionMessages.raiseLoad(r));
        }
        if (lazy == Lazy.NOLOAD && onAccess) {
            s.loadedRelationship(r, r.collection() ? List.of() : null);
            return;
        }
        if (s.key() == null) {
            s.loadedRelationship(r, r.collection() ? List.of() : null);
            return;
        }
        if (r.direction() == Direction.MANY_TO_ONE) {
            s.loadedRelationship(r, manyToOne(s, r, onAccess));
            return;
        }
        if (onAccess) {
            session.autoflush();
        }
        List<Object> loaded = collection(s, r);
        s.loadedRelationship(r, r.collection() ? loaded : loaded.isEmpty() ? null : loaded.get(0));
        eagerBelow(s, r, loaded);
    }

    /**
     * The mapped SELECTIN/JOINED relationships of the objects a lazy load brought in load at once,
     * each with one IN query (a mapped JOINED too: the lazy SELECT has no joins).
     */
    private void eagerBelow(StateImpl s, RelationshipModel r, List<Object> loaded) {
        if (loaded.isEmpty()) {
            return;
        }
        LoadPlan plan = LoadPlan.mapped(r.target(), List.of(s.mapper, r.target()), true);
        if (plan.isEmpty()) {
            return;
        }
        List<StateImpl> states = new ArrayList<>();
        for (Object o : loaded) {
            states.add(Relationships.stateOf(r.target(), o));
        }
        new EagerLoader(session).afterLoad(plan, states);
    }

    /**
     * The target of a many-to-one: none for a NULL key, the identity map's instance without SQL, else a
     * SELECT, autoflushed first when the read triggered it (SQLAlchemy's lazy loader flushes only when it
     * emits SQL).
     */
    private Object manyToOne(StateImpl s, RelationshipModel r, boolean onAccess) {
        ColumnModel[] fk = r.localColumns();
        Object[] values = new Object[fk.length];
        for (int i = 0; i < fk.length; i++) {
            values[i] = s.value(fk[i]);
            if (values[i] == null) {
                return null;
            }
        }
        Mapper target = r.target();
        boolean byKey = java.util.Arrays.equals(r.remoteColumns(), target.primaryKey());
        if (byKey) {
            Object id = target.identity(values);
            StateImpl there = session.states().identity().get(new IdentityKey(target.identityClass(), id));
            if (there != null) {
                return there.isMarkedDeleted() ? null : there.obj;
            }
            if (onAccess) {
                session.autoflush();
            }
            return session.statements().loadByKey(target, id);
        }
        if (onAccess) {
            session.autoflush();
        }
        List<Object> rows = select(target, r.remoteColumns(), values, null, List.of());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<Object> collection(StateImpl s, RelationshipModel r) {
        if (r.direction() == Direction.ONE_TO_MANY) {
            Object[] key = new Object[r.localColumns().length];
            for (int i = 0; i < key.length; i++) {
                key[i] = s.committedValue(r.localColumns()[i]);
            }
            return select(r.target(), r.remoteColumns(), key, null, r.orderBy());
        }
        SecondaryTable t = r.secondary();
        Object[] ownerKey = new Object[t.ownerKey().length];
        for (int i = 0; i < ownerKey.length; i++) {
            ownerKey[i] = s.committedValue(t.ownerKey()[i]);
        }
        return select(r.target(), t.ownerKey(), ownerKey, t, r.orderBy());
    }

    /** SELECT target rows where the columns equal the values (through the association table when given). */
    private List<Object> select(Mapper target, ColumnModel[] columns, Object[] values, SecondaryTable secondary,
                                List<OrderColumn> orderBy) {
        EngineImpl engine = session.bindFor(target);
        String table = target.table();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < target.columns().length; i++) {
            sql.append(i > 0 ? ", " : "").append(column(engine, target, target.columns()[i]));
        }
        sql.append(" FROM ").append(engine.sql().render(target.fromTable()));
        List<String> where = new ArrayList<>();
        if (secondary == null) {
            for (ColumnModel c : columns) {
                where.add(column(engine, target, c) + " = ?");
            }
        } else {
            String st = q(engine, secondary.table());
            sql.append(" JOIN ").append(st).append(" ON ");
            for (int i = 0; i < secondary.targetColumns().length; i++) {
                sql.append(i > 0 ? " AND " : "").append(st).append('.').append(q(engine, secondary.targetColumns()[i]))
                        .append(" = ").append(column(engine, target, secondary.targetKey()[i]));
            }
            for (String c : secondary.ownerColumns()) {
                where.add(st + "." + q(engine, c) + " = ?");
            }
        }
        org.jooq.Condition identity = target.identityCriterion(table);
        if (identity != null) {
            where.add(engine.sql().render(identity));
        }
        sql.append(" WHERE ").append(String.join(" AND ", where));
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                OrderColumn o = orderBy.get(i);
                sql.append(i > 0 ? ", " : "").append(column(engine, target, o.column()))
                        .append(o.descending() ? " DESC" : "");
            }
        }
        String statement = sql.toString();
        Connection c = session.activeTransaction().connection(engine);
        SqlLog.statement(engine, statement, List.of(values));
        List<Object> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                columns[i].codec().bind(ps, i + 1, values[i], engine.dialect());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StateImpl loaded = Loader.instance(session, target, rs, 0, false, engine.dialect());
                    if (loaded != null && !loaded.isMarkedDeleted()) {
                        out.add(loaded.obj);
                    }
                }
            }
        } catch (SQLException e) {
            throw Errors.database(SessionMessages.relationshipLoadFailed(target.type()), e, statement);
        }
        return out;
    }

    /** A column of the target qualified by the table that holds it. */
    private static String column(EngineImpl engine, Mapper target, ColumnModel c) {
        return engine.sql().render(RelationshipJoins.column(target, c, target.table()));
    }

    private static String q(EngineImpl engine, String name) {
        return engine.sql().render(DSL.name(name));
    }
}
