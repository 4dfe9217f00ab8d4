package io.athanor.core.spi;

import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RegistryImpl;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.mapping.SecondaryTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Read-only facts about the attributes of mapped classes, for extensions that reach attributes by
 * name and render SQL across relationships (association proxies): the enhanced field index of an
 * attribute, its column, and the columns that join a relationship's tables. Answers come from the
 * mapper most recently built for the class by any {@code Registry}, as {@code Athanor.inspect}'s do.
 */
public final class MappedAttributes {

    private MappedAttributes() {
    }

    /** The direction of a relationship, as SQLAlchemy names it. */
    public enum Direction {
        /** The owner's table holds the foreign key. */
        MANY_TO_ONE,
        /** The target's table holds the foreign key. */
        ONE_TO_MANY,
        /** An association table holds both. */
        MANY_TO_MANY
    }

    /**
     * A mapped column attribute.
     *
     * @param mappedClass the class the mapper maps
     * @param name the attribute (field) name
     * @param fieldIndex the enhanced field index holding its value
     * @param table the table
     * @param column the column name
     * @param javaType the field's type
     */
    public record Column(Class<?> mappedClass, String name, int fieldIndex, String table, String column,
                         Class<?> javaType) {
    }

    /**
     * A relationship attribute and the columns that join its tables. For a many-to-one or one-to-many,
     * {@code localColumns[i]} (in the owner's table) equals {@code remoteColumns[i]} (in the target's
     * table). For a many-to-many, {@code ownerKey[i]} equals {@code secondaryOwnerColumns[i]} and
     * {@code secondaryTargetColumns[i]} equals {@code targetKey[i]}, where the secondary columns are in
     * {@code secondaryTable}.
     *
     * @param mappedClass the owner class the mapper maps
     * @param name the attribute (field) name
     * @param fieldIndex the enhanced field index holding the related object or collection
     * @param target the related class
     * @param direction where the foreign key lives
     * @param collection whether it holds a collection
     * @param set whether the collection is a {@code Set} (otherwise a {@code List})
     * @param ownerTable the owner's table
     * @param targetTable the target's table
     * @param localColumns owner-side join columns (many-to-one, one-to-many)
     * @param remoteColumns target-side join columns (many-to-one, one-to-many)
     * @param secondaryTable the association table of a many-to-many, or {@code null}
     * @param ownerKey the owner's key columns a many-to-many references
     * @param secondaryOwnerColumns the association table's columns referencing {@code ownerKey}
     * @param secondaryTargetColumns the association table's columns referencing {@code targetKey}
     * @param targetKey the target's key columns a many-to-many references
     */
    public record Relation(Class<?> mappedClass, String name, int fieldIndex, Class<?> target, Direction direction,
                           boolean collection, boolean set, String ownerTable, String targetTable,
                           List<Column> localColumns, List<Column> remoteColumns, String secondaryTable,
                           List<Column> ownerKey, List<String> secondaryOwnerColumns,
                           List<String> secondaryTargetColumns, List<Column> targetKey) {
    }

    /** Whether a Registry maps {@code type} (or a class it extends). */
    public static boolean isMapped(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (RegistryImpl.latestMapperOrNull(c) != null) {
                return true;
            }
        }
        return false;
    }

    /** The mapped class of {@code type}: itself or the mapped class it extends. */
    public static Class<?> mappedClass(Class<?> type) {
        return RegistryImpl.lastMapperOf(type).type();
    }

    /** The column attribute {@code name} of a mapped class, if it maps one by that name. */
    public static Optional<Column> column(Class<?> type, String name) {
        Mapper mapper = RegistryImpl.lastMapperOf(type);
        ColumnModel c = mapper.column(name);
        return c == null || c.composite() != null ? Optional.empty() : Optional.of(column(mapper, c));
    }

    /** The relationship attribute {@code name} of a mapped class, if it maps one by that name. */
    public static Optional<Relation> relationship(Class<?> type, String name) {
        Mapper mapper = RegistryImpl.lastMapperOf(type);
        RelationshipModel r = mapper.relationship(name);
        return r == null ? Optional.empty() : Optional.of(relation(r));
    }

    /** The primary key columns of a mapped class, in key order. */
    public static List<Column> primaryKey(Class<?> type) {
        Mapper mapper = RegistryImpl.lastMapperOf(type);
        return columns(mapper, mapper.primaryKey());
    }

    /** The names of the column and relationship attributes of a mapped class, for messages. */
    public static List<String> attributeNames(Class<?> type) {
        Mapper mapper = RegistryImpl.lastMapperOf(type);
        List<String> names = new ArrayList<>();
        for (ColumnModel c : mapper.columns()) {
            if (c.attributeColumn() && !names.contains(c.fieldName())) {
                names.add(c.fieldName());
            }
        }
        Arrays.stream(mapper.relationships()).map(RelationshipModel::name).forEach(names::add);
        return names;
    }

    private static Relation relation(RelationshipModel r) {
        Mapper owner = r.owner();
        Mapper target = r.target();
        SecondaryTable s = r.secondary();
        boolean m2m = r.direction() == RelationshipModel.Direction.MANY_TO_MANY;
        return new Relation(owner.type(), r.name(), r.fieldIndex(), target.type(), Direction.valueOf(r.direction().name()),
                r.collection(), r.isSet(), owner.table(), target.table(),
                m2m ? List.of() : columns(owner, r.localColumns()),
                m2m ? List.of() : columns(target, r.remoteColumns()),
                m2m ? s.table() : null,
                m2m ? columns(owner, s.ownerKey()) : List.of(),
                m2m ? List.of(s.ownerColumns()) : List.of(),
                m2m ? List.of(s.targetColumns()) : List.of(),
                m2m ? columns(target, s.targetKey()) : List.of());
    }

    private static List<Column> columns(Mapper mapper, ColumnModel[] models) {
        List<Column> out = new ArrayList<>(models.length);
        for (ColumnModel c : models) {
            out.add(column(mapper, c));
        }
        return List.copyOf(out);
    }

    private static Column column(Mapper mapper, ColumnModel c) {
        return new Column(mapper.type(), c.fieldName(), c.fieldIndex(), mapper.table(), c.columnName(), c.javaType());
    }
}
