package io.athanor.internal.query;

import io.athanor.InvalidRequestException;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.mapping.RelationshipModel.Direction;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.sql.Select.JoinClause;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The FROM clause of a select: the tables of the selected entities and columns, each a FROM item,
 * extended by the joins along relationships ({@code join(User_.addresses)}). A join attaches to the
 * item that holds its owner's table; a selected table that is the target of a join is not a FROM
 * item of its own. Joined eager loads attach LEFT OUTER JOINs to the item of their parent.
 */
public final class FromClause {
    private final List<Set<String>> names = new ArrayList<>();
    private final List<Table<?>> items = new ArrayList<>();

    private final Function<String, Table<?>> tables;

    /**
     * The FROM clause of the selected tables and the joins; {@code tables} gives a table's FROM item
     * (a joined-table hierarchy's class spans several tables).
     */
    public FromClause(Set<String> selectedTables, List<JoinClause> joins, Function<Class<?>, Mapper> mappers,
                      Function<String, Table<?>> tables) {
        this.tables = tables;
        Set<String> joined = new LinkedHashSet<>();
        List<RelationshipModel> relationships = new ArrayList<>();
        for (JoinClause j : joins) {
            Mapper owner = mappers.apply(j.relationship().owner());
            RelationshipModel r = RelationshipJoins.resolve(owner, j.relationship());
            if (r.selfReferential()) {
                throw new InvalidRequestException(StatementMessages.selfReferentialJoin(r, owner.table(), j.relationship()));
            }
            relationships.add(r);
            joined.add(r.target().table());
        }
        for (String t : selectedTables) {
            if (!joined.contains(t)) {
                add(t, tables.apply(t));
            }
        }
        for (int i = 0; i < joins.size(); i++) {
            join(relationships.get(i), joins.get(i).outer());
        }
    }

    /** A one-table FROM clause (or a subquery) named {@code name}. */
    public FromClause(String name, Table<?> table) {
        this.tables = t -> DSL.table(DSL.name(t));
        add(name, table);
    }

    private void add(String name, Table<?> table) {
        Set<String> s = new LinkedHashSet<>();
        s.add(name);
        names.add(s);
        items.add(table);
    }

    private void join(RelationshipModel r, boolean outer) {
        String owner = r.owner().table();
        String target = r.target().table();
        if (indexOf(target) >= 0) {
            throw new InvalidRequestException(StatementMessages.tableJoinedTwice(r, target));
        }
        int i = indexOf(owner);
        if (i < 0) {
            add(owner, r.owner().fromTable());
            i = items.size() - 1;
        }
        Table<?> t = items.get(i);
        if (r.direction() == Direction.MANY_TO_MANY) {
            String secondary = r.secondary().table();
            t = join(t, DSL.table(DSL.name(secondary)), outer, RelationshipJoins.ownerToSecondary(r, owner, secondary));
            t = join(t, r.target().fromTable(), outer, RelationshipJoins.secondaryToTarget(r, secondary, target));
            names.get(i).add(secondary);
        } else {
            t = join(t, r.target().fromTable(), outer, RelationshipJoins.direct(r, owner, target));
        }
        items.set(i, t);
        names.get(i).add(target);
    }

    private static Table<?> join(Table<?> left, Table<?> right, boolean outer, Condition on) {
        return outer ? left.leftOuterJoin(right).on(on) : left.join(right).on(on);
    }

    private int indexOf(String table) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).contains(table)) {
                return i;
            }
        }
        return -1;
    }

    /** Applies {@code extend} to the item that holds {@code table} (the first item if none does). */
    public void extend(String table, Function<Table<?>, Table<?>> extend) {
        int i = Math.max(0, indexOf(table));
        items.set(i, extend.apply(items.get(i)));
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Table<?>> tables() {
        return items;
    }
}
