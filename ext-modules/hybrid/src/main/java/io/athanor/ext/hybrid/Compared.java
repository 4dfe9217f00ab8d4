package io.athanor.ext.hybrid;

import java.util.Collection;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.impl.DSL;

/**
 * A hybrid with its own comparison operators (SQLAlchemy's hybrid with a custom comparator): an
 * expression and a {@link HybridComparator}. Return one from a {@link HybridExpression} method,
 * {@code Compared.by(HybridComparator.caseInsensitive(), User_.name)}; the metamodel exposes it as
 * {@code User_.nameInsensitive} with {@code eq/ne/lt/le/gt/ge/in}, {@code asc()/desc()} for
 * {@code orderBy}, and {@link #field()} for select lists and {@code groupBy}.
 *
 * <p>It is not itself a jOOQ {@code Field}: jOOQ's comparison methods cannot be redefined, and a
 * field whose {@code eq} silently ignored the comparator would be a wrong query.
 *
 * @param <T> the Java type of the hybrid
 */
public final class Compared<T> {
    private final HybridComparator<T> comparator;
    private final Field<T> expression;
    private final HybridField<T> field;

    private Compared(HybridComparator<T> comparator, Field<T> expression, HybridField<T> field) {
        this.comparator = comparator;
        this.expression = expression;
        this.field = field;
    }

    /** An expression compared by {@code comparator}. */
    public static <T> Compared<T> by(HybridComparator<T> comparator, Field<T> expression) {
        return new Compared<>(Objects.requireNonNull(comparator, "comparator"),
                Objects.requireNonNull(expression, "expression"), null);
    }

    /** This comparison bound to the hybrid {@code name} of {@code entity}; called by generated metamodel classes. */
    public static <T> Compared<T> of(Class<?> entity, String name, Class<T> javaType, Compared<T> compared) {
        Objects.requireNonNull(compared, "compared");
        return new Compared<>(compared.comparator, compared.expression,
                HybridField.of(entity, name, javaType, compared.expression));
    }

    /** {@code this = value} as the comparator defines it. */
    public Condition eq(T value) {
        return compare(HybridComparator.Operator.EQ, value);
    }

    /** {@code this = other} as the comparator defines it. */
    public Condition eq(Field<T> other) {
        return compare(HybridComparator.Operator.EQ, other);
    }

    /** {@code this <> value} as the comparator defines it. */
    public Condition ne(T value) {
        return compare(HybridComparator.Operator.NE, value);
    }

    /** {@code this <> other} as the comparator defines it. */
    public Condition ne(Field<T> other) {
        return compare(HybridComparator.Operator.NE, other);
    }

    /** {@code this < value} as the comparator defines it. */
    public Condition lt(T value) {
        return compare(HybridComparator.Operator.LT, value);
    }

    /** {@code this < other} as the comparator defines it. */
    public Condition lt(Field<T> other) {
        return compare(HybridComparator.Operator.LT, other);
    }

    /** {@code this <= value} as the comparator defines it. */
    public Condition le(T value) {
        return compare(HybridComparator.Operator.LE, value);
    }

    /** {@code this <= other} as the comparator defines it. */
    public Condition le(Field<T> other) {
        return compare(HybridComparator.Operator.LE, other);
    }

    /** {@code this > value} as the comparator defines it. */
    public Condition gt(T value) {
        return compare(HybridComparator.Operator.GT, value);
    }

    /** {@code this > other} as the comparator defines it. */
    public Condition gt(Field<T> other) {
        return compare(HybridComparator.Operator.GT, other);
    }

    /** {@code this >= value} as the comparator defines it. */
    public Condition ge(T value) {
        return compare(HybridComparator.Operator.GE, value);
    }

    /** {@code this >= other} as the comparator defines it. */
    public Condition ge(Field<T> other) {
        return compare(HybridComparator.Operator.GE, other);
    }

    /** Equal (as the comparator defines it) to one of the values; no values match no row. */
    public Condition in(Collection<? extends T> values) {
        Condition any = DSL.falseCondition();
        for (T value : values) {
            any = any.or(eq(value));
        }
        return any;
    }

    /** Ascending order as the comparator defines it. */
    public SortField<?> asc() {
        return comparator.sort(expression, SortOrder.ASC);
    }

    /** Descending order as the comparator defines it. */
    public SortField<?> desc() {
        return comparator.sort(expression, SortOrder.DESC);
    }

    /**
     * The plain expression, for select lists and {@code groupBy}; its own {@code eq} is jOOQ's,
     * not the comparator's.
     */
    public HybridField<T> field() {
        if (field == null) {
            throw new IllegalStateException(Messages.comparedUnbound());
        }
        return field;
    }

    /** The comparator. */
    public HybridComparator<T> comparator() {
        return comparator;
    }

    private Condition compare(HybridComparator.Operator operator, T value) {
        return comparator.compare(operator, expression, DSL.val(value, expression.getDataType()));
    }

    private Condition compare(HybridComparator.Operator operator, Field<T> other) {
        return comparator.compare(operator, expression, Objects.requireNonNull(other, "other"));
    }
}
