package io.athanor.ext.hybrid;

import java.util.Objects;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.impl.DSL;

/**
 * How a hybrid compares in SQL: SQLAlchemy's custom {@code Comparator} for a hybrid. A
 * {@link Compared} hybrid sends {@code eq}, {@code ne}, {@code lt}, {@code le}, {@code gt},
 * {@code ge} and its ordering through its comparator, so that for instance
 * {@code User_.nameInsensitive.eq("ADA")} renders {@code lower(name) = lower(?)}.
 *
 * @param <T> the Java type of the hybrid
 */
@FunctionalInterface
public interface HybridComparator<T> {

    /** A comparison operator. */
    enum Operator {
        /** {@code =} */
        EQ,
        /** {@code <>} */
        NE,
        /** {@code <} */
        LT,
        /** {@code <=} */
        LE,
        /** {@code >} */
        GT,
        /** {@code >=} */
        GE;

        /** The plain SQL comparison {@code left op right}. */
        public <X> Condition apply(Field<X> left, Field<X> right) {
            return switch (this) {
                case EQ -> left.eq(right);
                case NE -> left.ne(right);
                case LT -> left.lt(right);
                case LE -> left.le(right);
                case GT -> left.gt(right);
                case GE -> left.ge(right);
            };
        }
    }

    /** The condition {@code left op right}, where {@code left} is the hybrid's expression. */
    Condition compare(Operator operator, Field<T> left, Field<T> right);

    /** How the hybrid orders; by default by its expression. */
    default SortField<?> sort(Field<T> expression, SortOrder order) {
        return expression.sort(order);
    }

    /**
     * A comparator that applies {@code normalize} to both sides before comparing, and orders by the
     * normalized expression.
     */
    static <T, N> HybridComparator<T> normalizing(Function<? super Field<T>, ? extends Field<N>> normalize) {
        Objects.requireNonNull(normalize, "normalize");
        return new HybridComparator<>() {
            @Override
            public Condition compare(Operator operator, Field<T> left, Field<T> right) {
                return operator.apply(normalize.apply(left), normalize.apply(right));
            }

            @Override
            public SortField<?> sort(Field<T> expression, SortOrder order) {
                return normalize.apply(expression).sort(order);
            }
        };
    }

    /**
     * Case-insensitive comparison of strings, SQLAlchemy's documented
     * {@code CaseInsensitiveComparator}: {@code lower(left) op lower(right)}. The database's
     * {@code lower} and collation apply (see the module README).
     */
    static HybridComparator<String> caseInsensitive() {
        return normalizing(DSL::lower);
    }
}
