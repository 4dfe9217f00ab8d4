package io.athanor.ext.associationproxy;

import io.athanor.InvalidRequestException;
import io.athanor.core.spi.MappedAttributes;
import io.athanor.core.spi.MappedAttributes.Column;
import io.athanor.core.spi.MappedAttributes.Direction;
import io.athanor.core.spi.MappedAttributes.Relation;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The SQL side of proxies: SQLAlchemy's {@code any}/{@code has}/{@code contains}/{@code ==} of an
 * association proxy, composed from the EXISTS of each relationship it crosses. Each EXISTS is
 * correlated with the enclosing query by table-qualified names, so criteria written with the
 * metamodel ({@code Keyword_.word.eq("x")}) apply inside it.
 */
final class Conditions {
    private Conditions() {
    }

    /**
     * The endpoint queries use: a proxy reading a value through accessors ({@code getset}, a plain
     * property) compares its mapped attribute, and has no SQL when there is none.
     */
    static Endpoint value(String label, Path path) {
        Endpoint value = path.value();
        if (value instanceof Endpoint.OfAccessors a) {
            if (a.sql() == null) {
                throw new InvalidRequestException(Messages.unmappedInQuery(label, a.name()));
            }
            return a.sql();
        }
        return value;
    }

    /** A column operator applied inside the EXISTS of a column-targeted proxy (SQLAlchemy's {@code operate}). */
    static Condition columnOperator(AssociationProxy<?, ?> proxy, String operation,
                                    java.util.function.Function<Field<Object>, Condition> operator) {
        return columnOperator(proxy.label(), proxy.queryPath(), operation, operator);
    }

    private static Condition columnOperator(String label, Path path, String operation,
                                            java.util.function.Function<Field<Object>, Condition> operator) {
        Endpoint value = value(label, path);
        if (value instanceof Endpoint.OfColumn c) {
            return exists(label, path.target(), operator.apply(field(c.column())));
        }
        if (value instanceof Endpoint.OfProxy p) {
            return exists(label, path.target(),
                    columnOperator(p.proxy().label(), p.proxy().path(p.intermediate()), operation, operator));
        }
        throw new InvalidRequestException(Messages.notColumnTargeted(label, operation));
    }

    /** A value bound as a parameter (an enum by its name, as columns store it). */
    static Field<Object> bind(Object value) {
        return DSL.val(bindable(value));
    }

    static Condition any(AssociationProxy<?, ?> proxy, Condition criterion) {
        Path path = proxy.queryPath();
        Endpoint value = value(proxy.label(), path);
        if (!(value instanceof Endpoint.OfProxy) && path.scalar() && (!value.isObject() || value.isScalar())) {
            throw new InvalidRequestException(Messages.anyOnScalar(proxy.label()));
        }
        return criterionExists(proxy.label(), path, criterion, false);
    }

    static Condition has(AssociationProxy<?, ?> proxy, Condition criterion) {
        Path path = proxy.queryPath();
        Endpoint value = value(proxy.label(), path);
        if (!(value instanceof Endpoint.OfProxy) && (!path.scalar() || value.isObject() && !value.isScalar())) {
            throw new InvalidRequestException(Messages.hasOnCollection(proxy.label()));
        }
        return criterionExists(proxy.label(), path, criterion, true);
    }

    static Condition contains(AssociationProxy<?, ?> proxy, Object other) {
        return contains(proxy.label(), proxy.queryPath(), other);
    }

    static Condition eq(AssociationProxy<?, ?> proxy, Object other) {
        return eq(proxy.label(), proxy.queryPath(), other);
    }

    private static Condition criterionExists(String label, Path path, Condition criterion, boolean isHas) {
        Endpoint value = value(label, path);
        Condition valueExpr;
        if (value instanceof Endpoint.OfProxy p) {
            valueExpr = criterionExists(p.proxy().label(), p.proxy().path(p.intermediate()), criterion, false);
        } else if (value instanceof Endpoint.OfRelation r) {
            valueExpr = exists(label, r.relation(), criterion);
        } else {
            if (isHas && criterion != null) {
                throw new InvalidRequestException(Messages.hasOnColumn(label));
            }
            valueExpr = criterion;
        }
        return exists(label, path.target(), valueExpr);
    }

    private static Condition contains(String label, Path path, Object other) {
        Endpoint value = value(label, path);
        if (value instanceof Endpoint.OfProxy p) {
            Path inner = p.proxy().path(p.intermediate());
            String innerLabel = p.proxy().label();
            return exists(label, path.target(),
                    inner.scalar() ? eq(innerLabel, inner, other) : contains(innerLabel, inner, other));
        }
        if (value instanceof Endpoint.OfRelation r && path.scalar()) {
            if (r.isScalar()) {
                throw new InvalidRequestException(Messages.containsOnScalarObject(label));
            }
            return exists(label, path.target(), relationContains(label, r.relation(), other));
        }
        return exists(label, path.target(), valueEquals(label, value, other));
    }

    private static Condition eq(String label, Path path, Object other) {
        Endpoint value = value(label, path);
        if (value.isObject() && !path.scalar() && !reachesColumn(label, value)) {
            throw new InvalidRequestException(Messages.collectionEquality(label));
        }
        Condition c = exists(label, path.target(), valueEquals(label, value, other));
        return other == null ? c.or(isNull(label, path.target())) : c;
    }

    /** Whether a proxy of a proxy ends at a column (SQLAlchemy makes it a column proxy, whose == is membership). */
    private static boolean reachesColumn(String label, Endpoint value) {
        if (value instanceof Endpoint.OfProxy p) {
            return reachesColumn(p.proxy().label(), value(p.proxy().label(), p.proxy().path(p.intermediate())));
        }
        return value instanceof Endpoint.OfColumn;
    }

    /** The endpoint of one intermediate row equals {@code other}. */
    private static Condition valueEquals(String label, Endpoint value, Object other) {
        if (value instanceof Endpoint.OfColumn c) {
            Field<Object> field = field(c.column());
            return other == null ? field.isNull() : field.eq(DSL.val(bindable(other)));
        }
        if (value instanceof Endpoint.OfRelation r) {
            Relation relation = r.relation();
            if (relation.direction() == Direction.MANY_TO_ONE) {
                return manyToOneEquals(label, relation, other);
            }
            return other == null ? DSL.notExists(subquery(label, relation, null))
                    : relationContains(label, relation, other);
        }
        Endpoint.OfProxy p = (Endpoint.OfProxy) value;
        Path inner = p.proxy().path(p.intermediate());
        return inner.scalar() ? eq(p.proxy().label(), inner, other) : contains(p.proxy().label(), inner, other);
    }

    /** A many-to-one's foreign key columns equal {@code other}'s referenced key values (or are NULL). */
    private static Condition manyToOneEquals(String label, Relation relation, Object other) {
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < relation.localColumns().size(); i++) {
            Field<Object> local = field(relation.localColumns().get(i));
            parts.add(other == null ? local.isNull()
                    : local.eq(DSL.val(keyValue(label, other, relation.remoteColumns().get(i)))));
        }
        return DSL.and(parts);
    }

    /** A related row of {@code relation} is {@code other}: its key equals other's key. */
    private static Condition relationContains(String label, Relation relation, Object other) {
        if (other == null) {
            throw new InvalidRequestException(Messages.noIdentity(label, null));
        }
        List<Condition> parts = new ArrayList<>();
        for (Column key : MappedAttributes.primaryKey(relation.target())) {
            parts.add(field(key).eq(DSL.val(keyValue(label, other, key))));
        }
        return exists(label, relation, DSL.and(parts));
    }

    /** The owner has no related object: NULL foreign key, or no related row. */
    private static Condition isNull(String label, Relation relation) {
        if (relation.direction() == Direction.MANY_TO_ONE) {
            return manyToOneEquals(label, relation, null);
        }
        return DSL.notExists(subquery(label, relation, null));
    }

    private static Object keyValue(String label, Object other, Column column) {
        if (!(other instanceof io.athanor.enhance.Enhanced) || !column.mappedClass().isInstance(other)) {
            throw new InvalidRequestException(Messages.notEntity(label, other));
        }
        Object value = Fields.read(other, column.fieldIndex());
        if (value == null) {
            throw new InvalidRequestException(Messages.noIdentity(label, other));
        }
        return value;
    }

    /** EXISTS a row related through {@code relation} to the enclosing query's owner row, matching {@code criterion}. */
    static Condition exists(String label, Relation relation, Condition criterion) {
        return DSL.exists(subquery(label, relation, criterion));
    }

    private static org.jooq.Select<?> subquery(String label, Relation relation, Condition criterion) {
        if (relation.ownerTable().equals(relation.targetTable())) {
            throw new InvalidRequestException(Messages.selfReferential(label,
                    relation.mappedClass().getSimpleName() + "." + relation.name()));
        }
        List<Condition> join = new ArrayList<>();
        List<Table<?>> from = new ArrayList<>();
        if (relation.direction() == Direction.MANY_TO_MANY) {
            String secondary = relation.secondaryTable();
            from.add(DSL.table(DSL.name(secondary)));
            for (int i = 0; i < relation.ownerKey().size(); i++) {
                join.add(field(relation.ownerKey().get(i))
                        .eq(DSL.field(DSL.name(secondary, relation.secondaryOwnerColumns().get(i)))));
            }
            if (criterion != null) {
                from.add(DSL.table(DSL.name(relation.targetTable())));
                for (int i = 0; i < relation.targetKey().size(); i++) {
                    join.add(DSL.field(DSL.name(secondary, relation.secondaryTargetColumns().get(i)))
                            .eq(field(relation.targetKey().get(i))));
                }
            }
        } else {
            from.add(DSL.table(DSL.name(relation.targetTable())));
            for (int i = 0; i < relation.localColumns().size(); i++) {
                join.add(field(relation.localColumns().get(i)).eq(field(relation.remoteColumns().get(i))));
            }
        }
        if (criterion != null) {
            join.add(criterion);
        }
        return DSL.selectOne().from(from).where(join);
    }

    private static Field<Object> field(Column column) {
        return DSL.field(DSL.name(column.table(), column.column()));
    }

    private static Object bindable(Object value) {
        return value instanceof Enum<?> e ? e.name() : value;
    }
}
