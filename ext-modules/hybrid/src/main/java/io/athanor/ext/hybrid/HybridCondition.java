package io.athanor.ext.hybrid;

import io.athanor.metamodel.AssignableExpression;
import io.athanor.metamodel.MappedExpression;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Context;
import org.jooq.Field;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.DSL;

/**
 * A boolean hybrid's SQL expression in the static metamodel ({@code User_.adult}): a jOOQ
 * {@link Condition}, so that it goes straight into {@code where(User_.adult)} and, being a
 * {@code Field<Boolean>}, into select lists too.
 */
public final class HybridCondition extends CustomCondition implements MappedExpression<Boolean>, AssignableExpression {
    private static final long serialVersionUID = 1L;

    private final Class<?> entity;
    private final String name;
    private final Condition condition;

    private HybridCondition(Class<?> entity, String name, Condition condition) {
        this.entity = entity;
        this.name = name;
        this.condition = condition;
    }

    /** The boolean hybrid {@code name} of {@code entity}; called by generated metamodel classes. */
    public static HybridCondition of(Class<?> entity, String name, Condition condition) {
        return new HybridCondition(Objects.requireNonNull(entity, "entity"), Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(condition, "condition"));
    }

    /** The boolean hybrid {@code name} of {@code entity}, from a boolean field (TRUE rows match). */
    public static HybridCondition of(Class<?> entity, String name, Field<Boolean> field) {
        return of(entity, name, DSL.condition(Objects.requireNonNull(field, "field")));
    }

    @Override
    public Class<?> entity() {
        return entity;
    }

    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }

    /** The hybrid's name. */
    public String hybridName() {
        return name;
    }

    /** The condition this hybrid renders. */
    public Condition condition() {
        return condition;
    }

    /**
     * The columns {@code update(...).set(this, value)} sets: the hybrid's {@link HybridUpdateExpression}
     * ({@code ATHANOR-7010} without one, since a condition is not a column).
     */
    @Override
    public List<Map.Entry<Field<?>, Object>> assignments(Object value) {
        return UpdateExpressions.assignments(entity, name, Boolean.class, this, value);
    }

    @Override
    public void accept(Context<?> ctx) {
        ctx.visit(condition);
    }
}
