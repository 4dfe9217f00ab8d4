package io.athanor.internal.query;

import io.athanor.InvalidRequestException;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.mapping.RelationshipModel.Direction;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.metamodel.ColumnAttribute;
import io.athanor.metamodel.RelationshipAttribute;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Context;
import org.jooq.Table;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.DSL;

/**
 * SQLAlchemy's {@code any()} and {@code has()}: a correlated {@code EXISTS (SELECT 1 FROM target
 * WHERE owner.key = target.fk AND criterion)}, through the association table for a many-to-many.
 * A self-referential target is aliased ({@code rel_nodes_1}) and the criterion's columns of that
 * table are rendered against the alias, as SQLAlchemy adapts them.
 */
public final class RelationshipConditions {
    private RelationshipConditions() {
    }

    /** The EXISTS condition, rendered inside {@code ctx}. */
    public static Condition exists(Context<?> ctx, RelationshipAttribute<?, ?> attribute, boolean collection,
                                   Condition criterion) {
        Mapper owner = QueryScope.mapper(attribute.owner());
        RelationshipModel r = RelationshipJoins.resolve(owner, attribute);
        if (collection && !r.collection()) {
            throw new InvalidRequestException(StatementMessages.anyOnOneObject(r));
        }
        if (!collection && r.collection()) {
            throw new InvalidRequestException(StatementMessages.hasOnCollection(r));
        }
        Map<String, String> outer = aliases(ctx);
        String ownerRef = outer.getOrDefault(owner.table(), owner.table());
        String targetTable = r.target().table();
        String targetRef = r.selfReferential() ? freeAlias(outer, targetTable) : targetTable;
        Table<?> target = RelationshipJoins.from(r.target(), targetRef);
        Condition correlation;
        List<Table<?>> from;
        if (r.direction() == Direction.MANY_TO_MANY) {
            String secondary = r.secondary().table();
            from = List.of(DSL.table(DSL.name(secondary)), target);
            correlation = RelationshipJoins.ownerToSecondary(r, ownerRef, secondary)
                    .and(RelationshipJoins.secondaryToTarget(r, secondary, targetRef));
        } else {
            from = List.of(target);
            correlation = RelationshipJoins.direct(r, ownerRef, targetRef);
        }
        Condition inner = criterion;
        if (!targetRef.equals(targetTable)) {
            Map<String, String> scoped = new HashMap<>(outer);
            scoped.put(targetTable, targetRef);
            inner = CustomCondition.of(c -> c.data(ColumnAttribute.TABLE_ALIASES, scoped, d -> d.visit(criterion)));
        }
        return DSL.exists(DSL.select(DSL.inline(1)).from(from).where(correlation).and(inner));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> aliases(Context<?> ctx) {
        Object data = ctx.data(ColumnAttribute.TABLE_ALIASES);
        return data instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    private static String freeAlias(Map<String, String> taken, String table) {
        int n = 1;
        while (taken.containsValue(table + "_" + n)) {
            n++;
        }
        return table + "_" + n;
    }
}
