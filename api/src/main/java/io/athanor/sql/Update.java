package io.athanor.sql;

import io.athanor.metamodel.AssignableExpression;
import io.athanor.metamodel.ColumnAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;

/** An immutable bulk UPDATE of a mapped class's table: {@code update(User.class).where(...).set(User_.name, "x")}. */
public final class Update implements Statement {
    private final Class<?> entity;
    private final List<Condition> where;
    private final Map<Field<?>, Object> values;
    private final Sync sync;

    Update(Class<?> entity) {
        this(entity, List.of(), Map.of(), Sync.AUTO);
    }

    private Update(Class<?> entity, List<Condition> where, Map<Field<?>, Object> values, Sync sync) {
        this.entity = entity;
        this.where = where;
        this.values = values;
        this.sync = sync;
    }

    /** Adds conditions joined with AND. */
    public Update where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        all.addAll(List.of(conditions));
        return new Update(entity, List.copyOf(all), values, sync);
    }

    /**
     * Sets a column to a value (bound) or to a jOOQ expression. An {@link AssignableExpression} that
     * is not a column (a hybrid with an update expression) sets the columns it stands for.
     */
    public <T> Update set(Field<T> column, Object value) {
        if (column instanceof AssignableExpression target && !(column instanceof ColumnAttribute<?>)) {
            Update expanded = this;
            for (Map.Entry<Field<?>, Object> assignment : target.assignments(value)) {
                expanded = assignment.getKey() == column ? expanded.put(column, assignment.getValue())
                        : expanded.set(assignment.getKey(), assignment.getValue());
            }
            return expanded;
        }
        return put(column, value);
    }

    private Update put(Field<?> column, Object value) {
        Map<Field<?>, Object> all = new LinkedHashMap<>(values);
        all.put(column, value);
        return new Update(entity, where, java.util.Collections.unmodifiableMap(all), sync);
    }

    /** How instances in the session are updated. */
    public Update synchronize(Sync mode) {
        return new Update(entity, where, values, mode);
    }

    public Class<?> entity() {
        return entity;
    }

    public List<Condition> whereConditions() {
        return where;
    }

    public Map<Field<?>, Object> values() {
        return values;
    }

    public Sync sync() {
        return sync;
    }
}
