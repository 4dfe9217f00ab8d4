package io.athanor.ext.hybrid;

import org.jooq.Condition;
import org.jooq.Context;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * SQL that computes what Java computes: the building blocks of the expressions the metamodel
 * processor derives from hybrid getters. Each method's SQL gives the Java result on every row,
 * nulls included, on H2, PostgreSQL and MariaDB; the module README lists the rules. Usable in
 * hand-written {@link HybridExpression}s too.
 */
public final class Derived {
    private static final long TWO_31 = 1L << 31;
    private static final long TWO_32 = 1L << 32;

    private Derived() {
    }

    // ---- strings ---------------------------------------------------------------------------------

    /** Java's {@code String.valueOf} of a string: the text {@code null} for null. */
    public static Field<String> text(Field<String> value, boolean nullable) {
        return nullable ? DSL.coalesce(value, DSL.inline("null")) : value;
    }

    /** Java's {@code String.valueOf} of an int or long: its decimal text, {@code null} for null. */
    public static Field<String> numberText(Field<? extends Number> value, boolean nullable) {
        return text(value.cast(SQLDataType.VARCHAR), nullable);
    }

    /** Java's {@code String.valueOf} of a boolean: {@code true} or {@code false}. */
    public static Field<String> booleanText(Condition value) {
        return DSL.when(value, DSL.inline("true")).otherwise(DSL.inline("false"));
    }

    /** Java's {@code a + b} on two non-null strings. */
    public static Field<String> concat(Field<String> a, Field<String> b) {
        return DSL.concat(a, b);
    }

    /**
     * Java's {@code Objects.equals(a, b)}: never SQL NULL, and exact (case, accents and trailing
     * spaces count, as in Java) even under MariaDB's case-insensitive, padding collations.
     */
    public static <T> Condition javaEquals(Field<T> a, Field<T> b) {
        boolean text = a.getType() == String.class || b.getType() == String.class;
        return new CustomCondition() {
            private static final long serialVersionUID = 1L;

            @Override
            public void accept(Context<?> ctx) {
                if (text && isMariaDb(ctx)) {
                    ctx.visit(a.cast(SQLDataType.BINARY).isNotDistinctFrom(b.cast(SQLDataType.BINARY)));
                } else {
                    ctx.visit(a.isNotDistinctFrom(b));
                }
            }
        };
    }

    /** Java's {@code s.isEmpty()} on a non-null string. */
    public static Condition isEmpty(Field<String> value) {
        return DSL.charLength(value).eq(DSL.inline(0));
    }

    // ---- int arithmetic (32 bits, wrapping as Java does) -------------------------------------------

    /** Java's {@code a + b} on ints, overflow wrapping around. */
    public static Field<Integer> plusInt(Field<Integer> a, Field<Integer> b) {
        return wrap(wide(a).plus(wide(b)));
    }

    /** Java's {@code a - b} on ints, overflow wrapping around. */
    public static Field<Integer> minusInt(Field<Integer> a, Field<Integer> b) {
        return wrap(wide(a).minus(wide(b)));
    }

    /** Java's {@code a * b} on ints, overflow wrapping around. */
    public static Field<Integer> timesInt(Field<Integer> a, Field<Integer> b) {
        return wrap(wide(a).times(wide(b)));
    }

    /** Java's {@code a / b} on ints: truncated toward zero ({@code MIN_VALUE / -1} wraps). */
    public static Field<Integer> divInt(Field<Integer> a, Field<Integer> b) {
        return wrap(divide(wide(a), wide(b)));
    }

    /** Java's {@code a % b} on ints: the sign of {@code a}. */
    public static Field<Integer> modInt(Field<Integer> a, Field<Integer> b) {
        return wrap(wide(a).mod(wide(b)));
    }

    /** Java's {@code -a} on an int ({@code -MIN_VALUE} wraps). */
    public static Field<Integer> negInt(Field<Integer> a) {
        return wrap(DSL.inline(0L).minus(wide(a)));
    }

    /** Java's {@code (long) a}. */
    public static Field<Long> toLong(Field<Integer> a) {
        return wide(a);
    }

    /** Java's {@code (int) a}: the low 32 bits of a long. */
    public static Field<Integer> toInt(Field<Long> a) {
        return wrap(a);
    }

    // ---- long arithmetic (64 bits; overflow is a database error, never a wrong value) ---------------

    /** Java's {@code a + b} on longs; a result out of range raises a database error. */
    public static Field<Long> plusLong(Field<Long> a, Field<Long> b) {
        return a.plus(b);
    }

    /** Java's {@code a - b} on longs; a result out of range raises a database error. */
    public static Field<Long> minusLong(Field<Long> a, Field<Long> b) {
        return a.minus(b);
    }

    /** Java's {@code a * b} on longs; a result out of range raises a database error. */
    public static Field<Long> timesLong(Field<Long> a, Field<Long> b) {
        return a.times(b);
    }

    /** Java's {@code a / b} on longs, truncated toward zero. */
    public static Field<Long> divLong(Field<Long> a, Field<Long> b) {
        return divide(a, b);
    }

    /** Java's {@code a % b} on longs: the sign of {@code a}. */
    public static Field<Long> modLong(Field<Long> a, Field<Long> b) {
        return a.mod(b);
    }

    /** Java's {@code -a} on a long. */
    public static Field<Long> negLong(Field<Long> a) {
        return DSL.inline(0L).minus(a);
    }

    // ---- booleans --------------------------------------------------------------------------------

    /** A non-null boolean column as a condition. */
    public static Condition isTrue(Field<Boolean> value) {
        return value.isTrue();
    }

    /** Java's {@code a == b} on two booleans. */
    public static Condition same(Condition a, Condition b) {
        return a.and(b).or(a.not().and(b.not()));
    }

    /** Java's {@code c ? a : b} on booleans. */
    public static Condition choose(Condition c, Condition a, Condition b) {
        return c.and(a).or(c.not().and(b));
    }

    /** Java's {@code c ? a : b}. */
    public static <T> Field<T> choose(Condition c, Field<T> a, Field<T> b) {
        return DSL.when(c, a).otherwise(b);
    }

    // ---- parameters of derived hybrid methods -----------------------------------------------------

    /**
     * A derived hybrid method's argument: a bound {@code null} becomes a {@code NULL} literal, whose
     * type PostgreSQL does not have to infer ({@code ? IS NULL} alone is an error there).
     */
    public static <T> Field<T> parameter(Field<T> argument) {
        if (argument instanceof org.jooq.Param<?> param && param.getValue() == null) {
            return DSL.inline(null, argument.getDataType());
        }
        return argument;
    }

    // ---- internals -------------------------------------------------------------------------------

    private static Field<Long> wide(Field<Integer> a) {
        return a.cast(SQLDataType.BIGINT);
    }

    /** The low 32 bits of a BIGINT, as a signed int: Java's wrap-around. */
    private static Field<Integer> wrap(Field<Long> value) {
        Field<Long> shifted = value.plus(DSL.inline(TWO_31)).mod(DSL.inline(TWO_32));
        return shifted.plus(DSL.inline(TWO_32)).mod(DSL.inline(TWO_32)).minus(DSL.inline(TWO_31))
                .cast(SQLDataType.INTEGER);
    }

    /** Integer division truncating toward zero: {@code DIV} on MariaDB (whose {@code /} gives a decimal), {@code /} elsewhere. */
    private static Field<Long> divide(Field<Long> a, Field<Long> b) {
        return new CustomField<>(DSL.name("div"), SQLDataType.BIGINT) {
            private static final long serialVersionUID = 1L;

            @Override
            public void accept(Context<?> ctx) {
                ctx.sql('(').visit(a).sql(isMariaDb(ctx) ? " div " : " / ").visit(b).sql(')');
            }
        };
    }

    private static boolean isMariaDb(Context<?> ctx) {
        SQLDialect family = ctx.family();
        return family == SQLDialect.MARIADB || family == SQLDialect.MYSQL;
    }
}
