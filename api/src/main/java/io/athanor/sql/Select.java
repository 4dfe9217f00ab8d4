package io.athanor.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.GroupField;
import org.jooq.OrderField;
import org.jooq.SelectField;

/**
 * An immutable SELECT of mapped classes or columns, SQLAlchemy 2.0 style:
 * {@code select(User.class).where(User_.name.eq("ada")).orderBy(User_.id)}. Each method returns a
 * new statement. Conditions and orderings are jOOQ expressions over the metamodel's columns.
 *
 * @param <T> the type of the first column (the mapped class for an entity select)
 */
public final class Select<T> implements Statement {
    private final List<Object> selected;
    private final List<Condition> where;
    private final List<OrderField<?>> orderBy;
    private final List<GroupField> groupBy;
    private final Integer limit;
    private final Integer offset;
    private final List<Object> options;

    Select(List<Object> selected) {
        this(List.copyOf(selected), List.of(), List.of(), List.of(), null, null, List.of());
    }

    private Select(List<Object> selected, List<Condition> where, List<OrderField<?>> orderBy,
                   List<GroupField> groupBy, Integer limit, Integer offset, List<Object> options) {
        this.selected = selected;
        this.where = where;
        this.orderBy = orderBy;
        this.groupBy = groupBy;
        this.limit = limit;
        this.offset = offset;
        this.options = options;
    }

    /** Adds conditions, joined with AND to those already there. */
    public Select<T> where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        for (Condition c : conditions) {
            all.add(Objects.requireNonNull(c, "condition"));
        }
        return new Select<>(selected, List.copyOf(all), orderBy, groupBy, limit, offset, options);
    }

    /** Adds orderings (a column orders ascending; use {@code .desc()} for descending). */
    public Select<T> orderBy(OrderField<?>... fields) {
        List<OrderField<?>> all = new ArrayList<>(orderBy);
        Collections.addAll(all, fields);
        return new Select<>(selected, where, List.copyOf(all), groupBy, limit, offset, options);
    }

    /** Adds GROUP BY expressions (columns or any jOOQ field over them). */
    public Select<T> groupBy(GroupField... fields) {
        List<GroupField> all = new ArrayList<>(groupBy);
        for (GroupField f : fields) {
            all.add(Objects.requireNonNull(f, "group by field"));
        }
        return new Select<>(selected, where, orderBy, List.copyOf(all), limit, offset, options);
    }

    /** At most {@code n} rows. */
    public Select<T> limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("ATHANOR-0004: limit must not be negative, got " + n);
        }
        return new Select<>(selected, where, orderBy, groupBy, n, offset, options);
    }

    /** Skips the first {@code n} rows. */
    public Select<T> offset(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("ATHANOR-0005: offset must not be negative, got " + n);
        }
        return new Select<>(selected, where, orderBy, groupBy, limit, n, options);
    }

    /** Loader options (see {@code Load}). */
    public Select<T> options(Object... loaderOptions) {
        List<Object> all = new ArrayList<>(options);
        Collections.addAll(all, loaderOptions);
        return new Select<>(selected, where, orderBy, groupBy, limit, offset, List.copyOf(all));
    }

    /** What is selected: mapped classes and jOOQ {@link SelectField}s, in order. */
    public List<Object> selected() {
        return selected;
    }

    /** The WHERE conditions, joined with AND. */
    public List<Condition> whereConditions() {
        return where;
    }

    /** The ORDER BY fields. */
    public List<OrderField<?>> orderByFields() {
        return orderBy;
    }

    /** The GROUP BY expressions. */
    public List<GroupField> groupByFields() {
        return groupBy;
    }

    /** The LIMIT, or {@code null}. */
    public Integer limitValue() {
        return limit;
    }

    /** The OFFSET, or {@code null}. */
    public Integer offsetValue() {
        return offset;
    }

    /** The loader options. */
    public List<Object> loaderOptions() {
        return options;
    }

    static void checkSelectable(Object o) {
        if (!(o instanceof Class<?>) && !(o instanceof SelectField<?>)) {
            throw new IllegalArgumentException("ATHANOR-0006: select() takes mapped classes and columns, got "
                    + (o == null ? "null" : o.getClass().getName()));
        }
    }
}
