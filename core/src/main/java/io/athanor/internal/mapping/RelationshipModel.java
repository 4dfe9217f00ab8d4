package io.athanor.internal.mapping;

import io.athanor.mapping.Lazy;
import io.athanor.mapping.Relationship;
import java.lang.reflect.Field;
import java.util.List;

/**
 * One relationship of a mapped class: its direction, the columns that join the two tables, the
 * association table of a many-to-many, cascades, loading strategy and back-populating partner.
 */
public final class RelationshipModel {
    /** Where the foreign key lives, as SQLAlchemy's relationship directions. */
    public enum Direction {
        /** The owner's table holds the foreign key. */
        MANY_TO_ONE,
        /** The target's table holds the foreign key. */
        ONE_TO_MANY,
        /** An association table holds both. */
        MANY_TO_MANY
    }

    final int fieldIndex;
    final String name;
    final Field field;
    final Relationship annotation;
    final Class<?> targetType;
    final boolean collection;
    final boolean set;
    Mapper owner;
    Mapper target;
    Direction direction;
    /** Many-to-one: the owner's foreign-key columns; one-to-many: the owner's referenced columns. */
    ColumnModel[] localColumns;
    /** Many-to-one: the target's referenced columns; one-to-many: the target's foreign-key columns. */
    ColumnModel[] remoteColumns;
    SecondaryTable secondary;
    Cascade cascade;
    RelationshipModel back;
    List<OrderColumn> orderBy = List.of();

    /** A column of {@code orderBy}. */
    public record OrderColumn(ColumnModel column, boolean descending) {
    }

    RelationshipModel(int fieldIndex, Field field, Relationship annotation, Class<?> targetType, boolean collection,
                      boolean set) {
        this.fieldIndex = fieldIndex;
        this.name = field.getName();
        this.field = field;
        this.annotation = annotation;
        this.targetType = targetType;
        this.collection = collection;
        this.set = set;
    }

    public int fieldIndex() {
        return fieldIndex;
    }

    public String name() {
        return name;
    }

    public Mapper owner() {
        return owner;
    }

    public Mapper target() {
        return target;
    }

    public Direction direction() {
        return direction;
    }

    /** Whether the attribute holds a collection (a List or Set) rather than one instance. */
    public boolean collection() {
        return collection;
    }

    /** Whether the collection is a Set. */
    public boolean isSet() {
        return set;
    }

    public ColumnModel[] localColumns() {
        return localColumns;
    }

    public ColumnModel[] remoteColumns() {
        return remoteColumns;
    }

    public SecondaryTable secondary() {
        return secondary;
    }

    public Cascade cascade() {
        return cascade;
    }

    /** The relationship on the other class that mirrors this one, or {@code null}. */
    public RelationshipModel back() {
        return back;
    }

    public Lazy lazy() {
        return annotation.lazy();
    }

    public boolean passiveDeletes() {
        return annotation.passiveDeletes();
    }

    public List<OrderColumn> orderBy() {
        return orderBy;
    }

    /** Whether both ends are the same class. */
    public boolean selfReferential() {
        return owner == target;
    }

    @Override
    public String toString() {
        return owner.type().getSimpleName() + "." + name;
    }
}
