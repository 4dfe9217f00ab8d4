package io.athanor.sql;

import io.athanor.api.internal.Messages;
import io.athanor.metamodel.RelationshipAttribute;
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
    private final Integer limit;
    private final Integer offset;
    private final List<Object> options;
    private final List<JoinClause> joins;
    private final List<GroupField> groupBy;

    Select(List<Object> selected) {
        this(List.copyOf(selected), List.of(), List.of(), null, null, List.of(), List.of(), List.of());
    }

    private Select(List<Object> selected, List<Condition> where, List<OrderField<?>> orderBy,
                   Integer limit, Integer offset, List<Object> options, List<JoinClause> joins,
                   List<GroupField> groupBy) {
        this.selected = selected;
        this.where = where;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.options = options;
        this.joins = joins;
        this.groupBy = groupBy;
    }

    /**
     * Joins along a relationship (INNER JOIN), SQLAlchemy's {@code select(User).join(User.addresses)}:
     * the ON clause comes from the relationship's columns, a many-to-many joins through its
     * association table. The relationship's owner must already be in the FROM clause (selected or
     * joined before).
     */
    public Select<T> join(RelationshipAttribute<?, ?> relationship) {
        return withJoin(relationship, false);
    }

    /** As {@link #join}, as a LEFT OUTER JOIN. */
    public Select<T> outerJoin(RelationshipAttribute<?, ?> relationship) {
        return withJoin(relationship, true);
    }

    private Select<T> withJoin(RelationshipAttribute<?, ?> relationship, boolean outer) {
        List<JoinClause> all = new ArrayList<>(joins);
        all.add(new JoinClause(Objects.requireNonNull(relationship, "relationship"), outer));
        return new Select<>(selected, where, orderBy, limit, offset, options, List.copyOf(all), groupBy);
    }

    /** Adds conditions, joined with AND to those already there. */
    public Select<T> where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        for (Condition c : conditions) {
            all.add(Objects.requireNonNull(c, "condition"));
        }
        return new Select<>(selected, List.copyOf(all), orderBy, limit, offset, options, joins, groupBy);
    }

    /** Adds orderings (a column orders ascending; use {@code .desc()} for descending). */
    public Select<T> orderBy(OrderField<?>... fields) {
        List<OrderField<?>> all = new ArrayList<>(orderBy);
        Collections.addAll(all, fields);
        return new Select<>(selected, where, List.copyOf(all), limit, offset, options, joins, groupBy);
    }

    /** At most {@code n} rows. */
    public Select<T> limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(Messages.negativeLimit(n));
        }
        return new Select<>(selected, where, orderBy, n, offset, options, joins, groupBy);
    }

    /** Skips the first {@code n} rows. */
    public Select<T> offset(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(Messages.negativeOffset(n));
        }
        return new Select<>(selected, where, orderBy, limit, n, options, joins, groupBy);
    }

    /** Loader options: {@link LoaderOption}s made with {@link Load}'s factories. */
    public Select<T> options(Object... loaderOptions) {
        List<Object> all = new ArrayList<>(options);
        Collections.addAll(all, loaderOptions);
        return new Select<>(selected, where, orderBy, limit, offset, List.copyOf(all), joins, groupBy);
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

    /** Adds GROUP BY expressions (columns or any jOOQ field over them). */
    public Select<T> groupBy(GroupField... fields) {
        List<GroupField> all = new ArrayList<>(groupBy);
        for (GroupField f : fields) {
            all.add(Objects.requireNonNull(f, "group by field"));
        }
        return new Select<>(selected, where, orderBy, limit, offset, options, joins, List.copyOf(all));
    }

    /** The GROUP BY expressions. */
    public List<GroupField> groupByFields() {
        return groupBy;
    }

    /** The joins along relationships, in order. */
    public List<JoinClause> joins() {
        return joins;
    }

    /**
     * A join along a relationship.
     *
     * @param relationship the relationship joined to
     * @param outer        LEFT OUTER JOIN rather than INNER JOIN
     */
    public record JoinClause(RelationshipAttribute<?, ?> relationship, boolean outer) {
    }

    static void checkSelectable(Object o) {
        if (!(o instanceof Class<?>) && !(o instanceof SelectField<?>)) {
            throw new IllegalArgumentException(Messages.notSelectable(o));
        }
    }
}
