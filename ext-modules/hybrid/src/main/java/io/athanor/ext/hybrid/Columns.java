package io.athanor.ext.hybrid;

import io.athanor.InvalidRequestException;
import io.athanor.metamodel.ColumnAttribute;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jooq.Field;

/**
 * The columns of the mapped class a hybrid expression is built for. A {@link HybridExpression}
 * method declared in a {@code @Mixin} (or in a mapped superclass) takes one as its first parameter,
 * so that every mapped subclass gets the expression over its own table, as SQLAlchemy passes the
 * subclass to a mixin's {@code .expression}:
 * <pre>{@code
 * @HybridExpression("fullName")
 * static Field<String> fullNameSql(Columns c) {
 *     return DSL.concat(c.get("first", String.class), DSL.inline(" "), c.get("last", String.class));
 * }
 * }</pre>
 * The generated metamodel passes its own columns.
 */
public final class Columns {
    private final Class<?> entity;
    private final Map<String, ColumnAttribute<?>> byAttribute;

    private Columns(Class<?> entity, Map<String, ColumnAttribute<?>> byAttribute) {
        this.entity = entity;
        this.byAttribute = byAttribute;
    }

    /** The given columns of {@code entity}; called by generated metamodel classes. */
    public static Columns of(Class<?> entity, ColumnAttribute<?>... columns) {
        Map<String, ColumnAttribute<?>> map = new LinkedHashMap<>();
        for (ColumnAttribute<?> column : columns) {
            map.put(column.attribute(), column);
        }
        return new Columns(Objects.requireNonNull(entity, "entity"), Collections.unmodifiableMap(map));
    }

    /** The mapped class. */
    public Class<?> entity() {
        return entity;
    }

    /**
     * The column of the attribute (field) named {@code attribute}, whose Java type must be
     * {@code type} (a primitive field's type is its wrapper).
     *
     * @throws InvalidRequestException when the class maps no such column, or maps it with another type
     */
    @SuppressWarnings("unchecked")
    public <T> Field<T> get(String attribute, Class<T> type) {
        ColumnAttribute<?> column = byAttribute.get(attribute);
        if (column == null) {
            throw new InvalidRequestException(Messages.noSuchColumn(entity, attribute, byAttribute.keySet()));
        }
        if (!column.javaType().equals(type)) {
            throw new InvalidRequestException(Messages.columnType(entity, attribute, column.javaType(), type));
        }
        return (Field<T>) column;
    }
}
