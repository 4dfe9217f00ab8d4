package io.athanor.ext.hybrid;

import io.athanor.metamodel.MappedExpression;
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
public final class HybridField<T> extends CustomField<T> implements MappedExpression<T> {
    private static final long serialVersionUID = 1L;

    private final Class<?> entity;
    private final Class<T> javaType;
    private final Field<T> expression;

    private HybridField(Class<?> entity, String name, Class<T> javaType, Field<T> expression) {
        super(DSL.name(name), expression.getDataType());
        this.entity = entity;
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

    @Override
    public void accept(Context<?> ctx) {
        ctx.visit(expression);
    }
}
