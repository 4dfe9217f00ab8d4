package io.athanor.internal.query;

import io.athanor.InvalidRequestException;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.mapping.SecondaryTable;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.metamodel.RelationshipAttribute;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The SQL pieces that follow a relationship: qualified columns and the ON conditions between the
 * owner's table, the association table of a many-to-many and the target's table, each side named
 * by a table name or an alias.
 */
public final class RelationshipJoins {
    private RelationshipJoins() {
    }

    /** The relationship an attribute names; {@link InvalidRequestException} if the mapper has none. */
    public static RelationshipModel resolve(Mapper owner, RelationshipAttribute<?, ?> attribute) {
        RelationshipModel r = owner.relationship(attribute.name());
        if (r == null) {
            throw new InvalidRequestException(StatementMessages.noRelationship(owner.type(), attribute.name()));
        }
        return r;
    }

    /** The column {@code ref.column}. */
    public static Field<Object> column(String ref, String column) {
        return DSL.field(DSL.name(ref, column), SQLDataType.OTHER);
    }

    /** A table, aliased when {@code alias} differs from its name. */
    public static Table<?> table(String name, String alias) {
        Table<?> t = DSL.table(DSL.name(name));
        return alias == null || alias.equals(name) ? t : t.as(DSL.name(alias));
    }

    /**
     * The column {@code c} of mapper {@code m} referred to as {@code ref}: when {@code ref} is the
     * mapper's table (not an alias), qualified by the table that holds the column, which in a
     * joined-table hierarchy may be the base's.
     */
    public static Field<Object> column(Mapper m, ColumnModel c, String ref) {
        String in = ref.equals(m.table()) && c.table() != null ? c.table() : ref;
        return column(in, c.columnName());
    }

    /** The FROM item of a mapper referred to as {@code ref}: its table(s), or the aliased table. */
    public static Table<?> from(Mapper m, String ref) {
        return ref.equals(m.table()) ? m.fromTable() : table(m.table(), ref);
    }

    /** Many-to-one and one-to-many: the owner's columns equal the target's. */
    public static Condition direct(RelationshipModel r, String ownerRef, String targetRef) {
        List<Condition> on = new ArrayList<>();
        for (int i = 0; i < r.localColumns().length; i++) {
            on.add(column(r.owner(), r.localColumns()[i], ownerRef)
                    .eq(column(r.target(), r.remoteColumns()[i], targetRef)));
        }
        return DSL.and(on);
    }

    /** Many-to-many: the owner's key equals the association table's owner columns. */
    public static Condition ownerToSecondary(RelationshipModel r, String ownerRef, String secondaryRef) {
        SecondaryTable t = r.secondary();
        List<Condition> on = new ArrayList<>();
        for (int i = 0; i < t.ownerKey().length; i++) {
            on.add(column(r.owner(), t.ownerKey()[i], ownerRef).eq(column(secondaryRef, t.ownerColumns()[i])));
        }
        return DSL.and(on);
    }

    /** Many-to-many: the target's key equals the association table's target columns. */
    public static Condition secondaryToTarget(RelationshipModel r, String secondaryRef, String targetRef) {
        SecondaryTable t = r.secondary();
        List<Condition> on = new ArrayList<>();
        for (int i = 0; i < t.targetKey().length; i++) {
            on.add(column(r.target(), t.targetKey()[i], targetRef).eq(column(secondaryRef, t.targetColumns()[i])));
        }
        return DSL.and(on);
    }

    /** The qualified columns of a mapper, in column order. */
    public static List<Field<Object>> columns(Mapper m, String ref) {
        List<Field<Object>> out = new ArrayList<>();
        for (ColumnModel c : m.columns()) {
            out.add(column(m, c, ref));
        }
        return out;
    }
}
