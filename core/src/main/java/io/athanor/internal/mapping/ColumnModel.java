package io.athanor.internal.mapping;

import io.athanor.Dialect;
import io.athanor.internal.types.ColumnCodec;
import io.athanor.internal.types.ColumnReads;
import io.athanor.internal.types.ColumnSpec;
import io.athanor.spi.AttributeInfo;
import io.athanor.spi.AttributeListener;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One mapped column of a class: where its value lives in the instance (the enhanced field index),
 * how it is named and typed in the table, and its constraints.
 */
public final class ColumnModel implements AttributeInfo {
    private static final AttributeListener[] NO_LISTENERS = new AttributeListener[0];

    final int fieldIndex;
    final String fieldName;
    final String columnName;
    final Class<?> javaType;
    final ColumnCodec codec;
    private final int readKind;
    final ColumnSpec spec;
    final boolean primaryKey;
    final boolean autoincrement;
    final boolean version;
    final boolean nullable;
    final boolean unique;
    final boolean indexed;
    final String serverDefault;
    final ForeignKeyModel foreignKey;
    int position;
    Class<?> owner;
    Field field;
    Class<?> columnType;
    AttributeListener[] listeners = NO_LISTENERS;
    CompositeModel composite;
    int component = -1;
    /** The table holding the column: its class's table (in a joined hierarchy, the table of the level that declares it). */
    String table;

    ColumnModel(int fieldIndex, String fieldName, String columnName, Class<?> javaType, ColumnCodec codec,
                ColumnSpec spec, boolean primaryKey, boolean autoincrement, boolean version, boolean nullable,
                boolean unique, boolean indexed, String serverDefault, ForeignKeyModel foreignKey) {
        this.fieldIndex = fieldIndex;
        this.fieldName = fieldName;
        this.columnName = columnName;
        this.javaType = javaType;
        this.codec = codec;
        this.readKind = ColumnReads.kindOf(codec);
        this.spec = spec;
        this.primaryKey = primaryKey;
        this.autoincrement = autoincrement;
        this.version = version;
        this.nullable = nullable;
        this.unique = unique;
        this.indexed = indexed;
        this.serverDefault = serverDefault;
        this.foreignKey = foreignKey;
    }

    /** The table holding the column. */
    public String table() {
        return table;
    }

    /**
     * A copy for one table of a joined hierarchy ({@code key}: the subclass table's copy of the base's
     * key, not generated, referencing {@code references}); the copy gets its own position there.
     */
    ColumnModel copyFor(String inTable, boolean key, ForeignKeyModel references) {
        ColumnModel c = new ColumnModel(fieldIndex, fieldName, columnName, javaType, codec, spec, primaryKey,
                autoincrement && !key, version && !key, nullable, unique && !key, indexed && !key,
                key ? null : serverDefault, key ? references : foreignKey);
        c.owner = owner;
        c.field = field;
        c.columnType = columnType;
        c.listeners = listeners;
        c.composite = composite;
        c.component = component;
        c.table = inTable;
        return c;
    }

    /** The enhanced field index holding this column's value. */
    public int fieldIndex() {
        return fieldIndex;
    }

    /** Position among the mapper's columns (0-based). */
    public int position() {
        return position;
    }

    public String fieldName() {
        return fieldName;
    }

    public String columnName() {
        return columnName;
    }

    /** The attribute's Java type: the column's, or the value class of a composite. */
    public Class<?> javaType() {
        return composite == null ? javaType : composite.type();
    }

    /** The value class this column is a component of, or {@code null} for a plain column. */
    public CompositeModel composite() {
        return composite;
    }

    /** Which component of {@link #composite()} this column stores ({@code -1} for a plain column). */
    public int component() {
        return component;
    }

    /** Whether this column stands for its attribute: a plain column, or a composite's last column. */
    public boolean attributeColumn() {
        return composite == null || component == composite.size() - 1;
    }

    /** This column's value out of the attribute's value (a composite's component). */
    public Object extract(Object attributeValue) {
        return composite == null ? attributeValue : composite.component(attributeValue, component);
    }

    public ColumnCodec codec() {
        return codec;
    }

    /** Reads this column's value from a row (what {@code codec().read} returns, with the common types read directly). */
    public Object read(ResultSet rs, int index, Dialect dialect) throws SQLException {
        return ColumnReads.read(readKind, codec, rs, index, dialect);
    }

    public ColumnSpec spec() {
        return spec;
    }

    public boolean primaryKey() {
        return primaryKey;
    }

    public boolean autoincrement() {
        return autoincrement;
    }

    public boolean version() {
        return version;
    }

    public boolean nullable() {
        return nullable;
    }

    public boolean unique() {
        return unique;
    }

    public boolean indexed() {
        return indexed;
    }

    /** The DDL default expression, or {@code null}. */
    public String serverDefault() {
        return serverDefault;
    }

    /** The foreign key, or {@code null}. */
    public ForeignKeyModel foreignKey() {
        return foreignKey;
    }

    /** Whether the Java field is primitive (NULL reads as zero). */
    public boolean primitive() {
        return javaType.isPrimitive();
    }

    /** The listeners that observe this attribute (empty for most). */
    public AttributeListener[] listeners() {
        return listeners;
    }

    @Override
    public Class<?> mappedClass() {
        return owner;
    }

    @Override
    public String name() {
        return fieldName;
    }

    @Override
    public Type genericType() {
        return field.getGenericType();
    }

    @Override
    public Class<?> columnType() {
        return columnType;
    }

    @Override
    public Field field() {
        return field;
    }

    @Override
    public String toString() {
        return fieldName + " -> " + columnName;
    }
}
