package io.athanor.internal.loading;

import io.athanor.InvalidRequestException;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.mapping.RelationshipModel.Direction;
import io.athanor.internal.mapping.RelationshipModel.OrderColumn;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.internal.query.FromClause;
import io.athanor.internal.query.RelationshipJoins;
import io.athanor.mapping.Lazy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.impl.DSL;

/**
 * The LEFT OUTER JOINs of joined eager loading in one statement, as SQLAlchemy renders them: each
 * target table under an anonymous alias ({@code rel_books_1}), a many-to-many through an aliased
 * association table, the target's columns appended to the select list after the queried columns,
 * and a collection's {@code orderBy} appended to the ORDER BY.
 */
public final class EagerJoins {
    /**
     * Where a joined target's columns are in the row, and what is joined below it.
     *
     * @param step     the JOINED step
     * @param offset   the 0-based position of the target's first column
     * @param children the JOINED steps of the target's plan
     */
    public record Node(LoadPlan.Step step, int offset, List<Node> children) {
    }

    public final List<Field<?>> fields = new ArrayList<>();
    public final List<OrderField<?>> orderBy = new ArrayList<>();
    private final Map<String, Integer> aliases = new HashMap<>();
    private int offset;
    private boolean collection;

    public EagerJoins(int firstOffset) {
        this.offset = firstOffset;
    }

    /** Whether a collection is joined (rows repeat their parent: the result is made unique). */
    boolean joinsCollection() {
        return collection;
    }

    /** Joins the JOINED steps of {@code plan} (recursively) to the parent known as {@code parentRef}. */
    public List<Node> add(FromClause from, String parentTable, String parentRef, LoadPlan plan) {
        List<Node> nodes = new ArrayList<>();
        for (LoadPlan.Step step : plan.steps) {
            if (step.strategy() != Lazy.JOINED) {
                continue;
            }
            RelationshipModel r = step.relationship();
            Mapper target = r.target();
            if (target.joined()) {
                throw new InvalidRequestException(StatementMessages.joinedLoadOfJoinedTable(r.toString()));
            }
            String alias = alias(target.table());
            Condition identity = target.identityCriterion(alias);
            Condition only = identity == null ? DSL.noCondition() : identity;
            if (r.direction() == Direction.MANY_TO_MANY) {
                String secondary = alias(r.secondary().table());
                from.extend(parentTable, t -> t
                        .leftOuterJoin(RelationshipJoins.table(r.secondary().table(), secondary))
                        .on(RelationshipJoins.ownerToSecondary(r, parentRef, secondary))
                        .leftOuterJoin(RelationshipJoins.table(target.table(), alias))
                        .on(RelationshipJoins.secondaryToTarget(r, secondary, alias).and(only)));
            } else {
                from.extend(parentTable, t -> t
                        .leftOuterJoin(RelationshipJoins.table(target.table(), alias))
                        .on(RelationshipJoins.direct(r, parentRef, alias).and(only)));
            }
            int at = offset;
            fields.addAll(RelationshipJoins.columns(target, alias));
            offset += target.columns().length;
            if (r.collection()) {
                collection = true;
                for (OrderColumn o : r.orderBy()) {
                    Field<Object> f = RelationshipJoins.column(alias, o.column().columnName());
                    orderBy.add(o.descending() ? f.desc() : f);
                }
            }
            nodes.add(new Node(step, at, add(from, parentTable, alias, step.next())));
        }
        return nodes;
    }

    private String alias(String table) {
        int n = aliases.merge(table, 1, Integer::sum);
        return table + "_" + n;
    }
}
