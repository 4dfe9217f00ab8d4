package io.athanor.ext.hybrid;

import io.athanor.metamodel.AssignableExpression;
import io.athanor.metamodel.MappedExpression;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Context;
import org.jooq.Field;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;

/**
 * A hybrid's SQL expression in the static metamodel ({@code User_.fullName}): a jOOQ {@link Field}
 * that renders its expression and knows the mapped class it belongs to, so that
 * {@code select(User_.fullName)} reads from that class's table.
 *
 * @param <T> the Java type of the hybrid
 */
public final class HybridField<T> extends CustomField<T> implements MappedExpression<T>, AssignableExpression {
    private static final long serialVersionUID = 1L;

    private final Class<?> entity;
    private final String name;
    private final Class<T> javaType;
    private final Field<T> expression;

    private HybridField(Class<?> entity, String name, Class<T> javaType, Field<T> expression) {
        super(DSL.name(name), expression.getDataType());
        this.entity = entity;
        this.name = name;
        this.javaType = javaType;
        this.expression = expression;
    }

    /**
     * The hybrid {@code name} of {@code entity} with the given expression; called by generated
     * metamodel classes.
     */
    public static <T> HybridField<T> of(Class<?> entity, String name, Class<T> javaType, Field<T> expression) {
        return new HybridField<>(Objects.requireNonNull(entity, "entity"), Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(javaType, "javaType"), Objects.requireNonNull(expression, "expression"));
    }

    @Override
    public Class<?> entity() {
        return entity;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    /** The expression this hybrid renders. */
    public Field<T> expression() {
        return expression;
    }

    /**
     * The columns {@code update(...).set(this, value)} sets: the hybrid's {@link HybridUpdateExpression},
     * or, without one, its expression when that is a plain column.
     *
     * @throws io.athanor.InvalidRequestException when neither applies ({@code ATHANOR-7010})
     */
    @Override
    public List<Map.Entry<Field<?>, Object>> assignments(Object value) {
        return UpdateExpressions.assignments(entity, name, javaType, expression, value);
    }

    @Override
    public void accept(Context<?> ctx) {
        ctx.visit(expression);
    }
}
