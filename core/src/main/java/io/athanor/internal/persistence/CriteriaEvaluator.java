package io.athanor.internal.persistence;

import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.state.StateImpl;
import io.athanor.metamodel.ColumnAttribute;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.impl.QOM;

/**
 * Evaluates a bulk statement's WHERE criteria in Java against the instances in the session, for
 * {@code Sync.EVALUATE}: comparisons of one class's columns with values, IS [NOT] NULL, IN, NOT,
 * AND and OR, with SQL's three-valued logic (a comparison with NULL is unknown). Anything else is
 * {@link NotEvaluable}, which {@code Sync.AUTO} answers by fetching the matching keys instead.
 */
final class CriteriaEvaluator {
    /** The criteria use something this evaluator does not know. */
    static final class NotEvaluable extends Exception {
        private static final long serialVersionUID = 1L;

        NotEvaluable(String what) {
            super(what, null, false, false);
        }
    }

    private final Mapper mapper;

    CriteriaEvaluator(Mapper mapper) {
        this.mapper = mapper;
    }

    /** TRUE, FALSE or {@code null} (unknown) for each state; unknown also when a referenced attribute is unloaded. */
    Function<StateImpl, Boolean> compile(List<Condition> where) throws NotEvaluable {
        if (where.isEmpty()) {
            return s -> Boolean.TRUE;
        }
        Function<StateImpl, Boolean> all = null;
        for (Condition c : where) {
            Function<StateImpl, Boolean> f = condition(c);
            all = all == null ? f : and(all, f);
        }
        return all;
    }

    private Function<StateImpl, Boolean> condition(QueryPart c) throws NotEvaluable {
        if (c instanceof QOM.And and) {
            return and(condition(and.$arg1()), condition(and.$arg2()));
        }
        if (c instanceof QOM.Or or) {
            return or(condition(or.$arg1()), condition(or.$arg2()));
        }
        if (c instanceof QOM.Not not) {
            Function<StateImpl, Boolean> a = condition(not.$arg1());
            return s -> {
                Boolean x = a.apply(s);
                return x == null ? null : !x;
            };
        }
        if (c instanceof QOM.IsNull n) {
            Function<StateImpl, Object[]> v = operand(n.$arg1());
            return s -> known(v.apply(s)) ? v.apply(s)[0] == null : null;
        }
        if (c instanceof QOM.IsNotNull n) {
            Function<StateImpl, Object[]> v = operand(n.$arg1());
            return s -> known(v.apply(s)) ? v.apply(s)[0] != null : null;
        }
        if (c instanceof QOM.InList<?> in) {
            return in(in);
        }
        if (c instanceof QOM.Eq<?> eq) {
            return comparison(eq.$arg1(), eq.$arg2(), r -> r == 0);
        }
        if (c instanceof QOM.Ne<?> ne) {
            return comparison(ne.$arg1(), ne.$arg2(), r -> r != 0);
        }
        if (c instanceof QOM.Lt<?> lt) {
            return comparison(lt.$arg1(), lt.$arg2(), r -> r < 0);
        }
        if (c instanceof QOM.Le<?> le) {
            return comparison(le.$arg1(), le.$arg2(), r -> r <= 0);
        }
        if (c instanceof QOM.Gt<?> gt) {
            return comparison(gt.$arg1(), gt.$arg2(), r -> r > 0);
        }
        if (c instanceof QOM.Ge<?> ge) {
            return comparison(ge.$arg1(), ge.$arg2(), r -> r >= 0);
        }
        throw new NotEvaluable(String.valueOf(c));
    }

    /** Three-valued OR: true if either is, unknown if either is unknown, else false. */
    private static Function<StateImpl, Boolean> or(Function<StateImpl, Boolean> a, Function<StateImpl, Boolean> b) {
        return s -> {
            Boolean x = a.apply(s);
            Boolean y = b.apply(s);
            if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) {
                return true;
            }
            return x == null || y == null ? null : Boolean.FALSE;
        };
    }

    /** {@code x IN (...)}: true on a match, unknown for an unknown or NULL operand. */
    private Function<StateImpl, Boolean> in(QOM.InList<?> in) throws NotEvaluable {
        Function<StateImpl, Object[]> v = operand(in.$arg1());
        List<Function<StateImpl, Object[]>> items = new java.util.ArrayList<>();
        for (Field<?> f : in.$arg2()) {
            items.add(operand(f));
        }
        return s -> {
            Object[] x = v.apply(s);
            if (!known(x) || x[0] == null) {
                return null;
            }
            for (Function<StateImpl, Object[]> item : items) {
                Object[] y = item.apply(s);
                if (known(y) && y[0] != null && compare(x[0], y[0]) == 0) {
                    return true;
                }
            }
            return false;
        };
    }

    private static Function<StateImpl, Boolean> and(Function<StateImpl, Boolean> a, Function<StateImpl, Boolean> b) {
        return s -> {
            Boolean x = a.apply(s);
            Boolean y = b.apply(s);
            if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
                return false;
            }
            return x == null || y == null ? null : Boolean.TRUE;
        };
    }

    private Function<StateImpl, Boolean> comparison(Field<?> left, Field<?> right,
                                                    java.util.function.IntPredicate test) throws NotEvaluable {
        Function<StateImpl, Object[]> a = operand(left);
        Function<StateImpl, Object[]> b = operand(right);
        return s -> {
            Object[] x = a.apply(s);
            Object[] y = b.apply(s);
            if (!known(x) || !known(y) || x[0] == null || y[0] == null) {
                return null;
            }
            return test.test(compare(x[0], y[0]));
        };
    }

    /** A one-element array holding the operand's value, or {@code null} when it is unknown (unloaded). */
    private Function<StateImpl, Object[]> operand(Field<?> f) throws NotEvaluable {
        if (f instanceof Param<?> p) {
            Object[] value = {p.getValue()};
            return s -> value;
        }
        if (f instanceof ColumnAttribute<?> a && a.entity().isAssignableFrom(mapper.type())) {
            ColumnModel c = mapper.column(a.attribute());
            if (c != null && c.attributeColumn()) {
                return s -> s.isUnloaded(c.fieldIndex()) ? null : new Object[] {s.value(c)};
            }
        }
        throw new NotEvaluable(String.valueOf(f));
    }

    private static boolean known(Object[] v) {
        return v != null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a instanceof Enum<?> e && b instanceof String str) {
            return e.name().compareTo(str);
        }
        if (a instanceof Comparable ca && a.getClass().isInstance(b)) {
            return ca.compareTo(b);
        }
        return Objects.equals(a, b) ? 0 : Integer.MIN_VALUE;
    }
}
