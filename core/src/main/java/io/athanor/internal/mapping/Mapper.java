package io.athanor.internal.mapping;

import io.athanor.Dialect;
import io.athanor.Key;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.messages.MappingMessages;
import io.athanor.internal.sql.MapperStatements;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine needs to persist one mapped class: its table, columns, key, version
 * counter, and the statements it repeats (rendered once per dialect, then cached).
 */
public final class Mapper {
    private final Class<?> type;
    private final String table;
    private final ColumnModel[] columns;
    private final ColumnModel[] primaryKey;
    private final ColumnModel version;
    private final ColumnModel generatedKey;
    private final ColumnModel[] byFieldIndex;
    private final ColumnModel[][] allByFieldIndex;
    final String[] fieldNames;
    private final Map<String, ColumnModel> byFieldName;
    private final java.util.function.Supplier<Object> constructor;
    private final EnumMap<Dialect, MapperStatements> statements = new EnumMap<>(Dialect.class);
    private final RelationshipModel[] relationships;
    private final RelationshipModel[] relationshipByField;
    int rank;
    boolean listened;
    /** Inheritance: the mapped superclass's mapper, the hierarchy's base, the direct subclasses' mappers. */
    Mapper parent;
    Mapper root = this;
    final List<Mapper> children = new java.util.ArrayList<>();
    /** The base's discriminator column (in every mapper of the hierarchy), or {@code null}. */
    ColumnModel discriminator;
    /** This class's discriminator value, or {@code null} for an abstract class or a class outside a hierarchy. */
    String identityValue;
    /** Base only: the mapper of each discriminator value in the hierarchy. */
    Map<String, Mapper> byIdentity = Map.of();
    /** The discriminator values of this class and its subclasses (what a query of this class selects). */
    List<String> selectedIdentities = List.of();
    boolean abstractClass;
    /** The tables a row of this class spans, base first, each as a mapper of its columns; {@code [this]} for one table. */
    List<Mapper> parts = List.of(this);
    /** Bit {@code i} set for each column field index {@code i < 64}; see {@link #columnBits()}. */
    private final long columnBits;
    private final boolean wideColumns;

    Mapper(Class<?> type, String table, List<ColumnModel> columns, String[] fieldNames,
           Map<String, ColumnModel> byFieldName, java.util.function.Supplier<Object> constructor,
           List<RelationshipModel> relationships) {
        this.type = type;
        this.table = table;
        this.columns = columns.toArray(new ColumnModel[0]);
        for (int i = 0; i < this.columns.length; i++) {
            this.columns[i].position = i;
        }
        this.primaryKey = columns.stream().filter(ColumnModel::primaryKey).toArray(ColumnModel[]::new);
        this.version = columns.stream().filter(ColumnModel::version).findFirst().orElse(null);
        this.generatedKey = primaryKey.length == 1 && primaryKey[0].autoincrement() ? primaryKey[0] : null;
        this.fieldNames = fieldNames;
        this.byFieldIndex = new ColumnModel[fieldNames.length];
        this.allByFieldIndex = new ColumnModel[fieldNames.length][];
        for (ColumnModel c : columns) {
            if (c.attributeColumn()) {
                byFieldIndex[c.fieldIndex()] = c;
            }
            ColumnModel[] before = allByFieldIndex[c.fieldIndex()];
            ColumnModel[] all = before == null ? new ColumnModel[1] : java.util.Arrays.copyOf(before, before.length + 1);
            all[all.length - 1] = c;
            allByFieldIndex[c.fieldIndex()] = all;
        }
        for (int i = 0; i < allByFieldIndex.length; i++) {
            if (allByFieldIndex[i] == null) {
                allByFieldIndex[i] = new ColumnModel[0];
            }
        }
        long bits = 0;
        boolean wide = false;
        for (ColumnModel c : columns) {
            if (c.fieldIndex() < 64) {
                bits |= 1L << c.fieldIndex();
            } else {
                wide = true;
            }
        }
        this.columnBits = bits;
        this.wideColumns = wide;
        this.byFieldName = Map.copyOf(byFieldName);
        this.constructor = constructor;
        this.relationships = relationships.toArray(new RelationshipModel[0]);
        this.relationshipByField = new RelationshipModel[fieldNames.length];
        for (RelationshipModel r : this.relationships) {
            r.owner = this;
            relationshipByField[r.fieldIndex()] = r;
        }
    }

    // ---- inheritance ----------------------------------------------------------------------------

    /** The mapper of the mapped superclass, or {@code null} for a hierarchy's base (or a class outside one). */
    public Mapper parent() {
        return parent;
    }

    /** The base of this class's hierarchy ({@code this} for a base or a class outside a hierarchy). */
    public Mapper root() {
        return root;
    }

    /** The mappers of the direct mapped subclasses. */
    public List<Mapper> children() {
        return children;
    }

    /** The class this hierarchy's instances are keyed by in the identity map: the base's (identity per base mapper). */
    public Class<?> identityClass() {
        return root.type;
    }

    /** The hierarchy's discriminator column, or {@code null}. */
    public ColumnModel discriminator() {
        return discriminator;
    }

    /** This class's discriminator value, or {@code null}. */
    public String identityValue() {
        return identityValue;
    }

    /**
     * Whether the class has a table of its own: a base (or a class outside a hierarchy), or a subclass
     * of joined-table inheritance; a single-table subclass stores its columns in its parent's table.
     */
    public boolean ownsTable() {
        return parent == null || !table.equals(parent.table);
    }

    /** Whether rows loaded through this mapper may be of several classes (the hierarchy has a discriminator and subclasses). */
    public boolean polymorphic() {
        return discriminator != null && !root.children.isEmpty();
    }

    /** The mapper of the class a row with discriminator {@code value} belongs to, or {@code null} for an unknown value. */
    public Mapper mapperForIdentity(Object value) {
        return value == null ? null : root.byIdentity.get(value.toString());
    }

    /**
     * The criterion a query of this class needs in a single-table hierarchy: its rows and its
     * subclasses' by discriminator value (the base needs none), with the table named {@code table}.
     */
    public org.jooq.Condition identityCriterion(String table) {
        if (discriminator == null || ownsTable()) {
            return null; // a joined subclass's rows are those its table joins
        }
        if (parts.size() > 1 && table.equals(this.table)) {
            table = discriminator.table(); // the discriminator lives in the base's table
        }
        org.jooq.Field<Object> column = org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(table, discriminator.columnName()));
        return selectedIdentities.size() == 1 ? column.eq(org.jooq.impl.DSL.inline(selectedIdentities.get(0)))
                : column.in(selectedIdentities.stream().map(org.jooq.impl.DSL::inline).toList());
    }

    /** Base only: the discriminator values of the hierarchy. */
    public java.util.Set<String> identities() {
        return root.byIdentity.keySet();
    }

    /**
     * The tables a row of this class spans (joined-table inheritance: the base's first, then each
     * level's), each as a mapper of that table's columns (a subclass table's starting with its copy of
     * the key). One table: this mapper itself.
     */
    public List<Mapper> parts() {
        return parts;
    }

    /** Whether rows of this class span several tables. */
    public boolean joined() {
        return parts.size() > 1;
    }

    /** The FROM item of this class: its table, or its tables joined on the key. */
    public org.jooq.Table<?> fromTable() {
        org.jooq.Table<?> from = org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(parts.get(0).table));
        for (int i = 1; i < parts.size(); i++) {
            Mapper part = parts.get(i);
            org.jooq.Condition on = org.jooq.impl.DSL.noCondition();
            for (int k = 0; k < primaryKey.length; k++) {
                on = on.and(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(parts.get(0).table,
                        primaryKey[k].columnName())).eq(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name(part.table,
                        part.primaryKey[k].columnName()))));
            }
            from = from.join(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(part.table))).on(on);
        }
        return from;
    }

    /** Whether the class is abstract: queried polymorphically, never instantiated. */
    public boolean isAbstract() {
        return abstractClass;
    }

    /** Whether any attribute listener observes this class's attributes. */
    public boolean listened() {
        return listened;
    }

    /** The relationships, in field order. */
    public RelationshipModel[] relationships() {
        return relationships;
    }

    /** The relationship stored in enhanced field {@code fieldIndex}, or {@code null}. */
    public RelationshipModel relationshipAt(int fieldIndex) {
        return relationshipByField[fieldIndex];
    }

    /** The relationship named {@code name}, or {@code null}. */
    public RelationshipModel relationship(String name) {
        for (RelationshipModel r : relationships) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    public Class<?> type() {
        return type;
    }

    public String table() {
        return table;
    }

    /** All columns in table order (key columns keep their declared place). */
    public ColumnModel[] columns() {
        return columns;
    }

    /** The column field indexes below 64 as bits of a word, for quick "any column unloaded?" tests. */
    public long columnBits() {
        return columnBits;
    }

    /** Whether a column has a field index of 64 or more (not covered by {@link #columnBits()}). */
    public boolean wideColumns() {
        return wideColumns;
    }

    public ColumnModel[] primaryKey() {
        return primaryKey;
    }

    /** The {@code @Version} column, or {@code null}. */
    public ColumnModel version() {
        return version;
    }

    /** The single database-generated key column, or {@code null}. */
    public ColumnModel generatedKey() {
        return generatedKey;
    }

    /** Number of enhanced fields (columns and others). */
    public int fieldCount() {
        return fieldNames.length;
    }

    public String fieldName(int fieldIndex) {
        return fieldNames[fieldIndex];
    }

    /** The column standing for enhanced field {@code fieldIndex} (a composite's last), or {@code null} for a non-column field. */
    public ColumnModel columnAt(int fieldIndex) {
        return byFieldIndex[fieldIndex];
    }

    /** Every column stored from enhanced field {@code fieldIndex}: one, several for a composite, none for a non-column field. */
    public ColumnModel[] columnsAt(int fieldIndex) {
        return allByFieldIndex[fieldIndex];
    }

    /** The column mapped from the named field (a composite's last column), or {@code null}. */
    public ColumnModel column(String fieldName) {
        return byFieldName.get(fieldName);
    }

    /** Rank in foreign-key order: a table's rank is higher than the ranks of the tables it references. */
    public int rank() {
        return rank;
    }

    /** A new empty instance, as loading creates them. */
    public Enhanced newInstance() {
        try {
            return (Enhanced) constructor.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception checked) { // a constructor declaring a checked exception threw it
            throw new IllegalStateException(MappingMessages.constructorThrew(type), checked);
        }
    }

    /** The identity of an instance from its key column values: the single value, or a {@link Key}. */
    public Object identity(Object[] keyValues) {
        return keyValues.length == 1 ? keyValues[0] : Key.of(keyValues);
    }

    /** The identity held by an instance's key fields, or {@code null} when any key value is null. */
    public Object identityOf(Enhanced entity) {
        if (primaryKey.length == 1) {
            return entity.$athanor$get(primaryKey[0].fieldIndex());
        }
        Object[] values = new Object[primaryKey.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = entity.$athanor$get(primaryKey[i].fieldIndex());
            if (values[i] == null) {
                return null;
            }
        }
        return Key.of(values);
    }

    /** The key column values of an identity, in key order. */
    public Object[] keyValues(Object identity) {
        if (identity instanceof Key key) {
            Object[] values = new Object[key.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = key.get(i);
            }
            return values;
        }
        return new Object[] {identity};
    }

    /** The statements for a dialect, rendered on first use. */
    public MapperStatements statements(Dialect dialect) {
        synchronized (statements) {
            return statements.computeIfAbsent(dialect, d -> new MapperStatements(this, d));
        }
    }

    @Override
    public String toString() {
        return "Mapper[" + type.getName() + " -> " + table + "]";
    }
}
