package io.athanor.internal.ddl;

import io.athanor.Dialect;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.SqlLog;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.ForeignKeyModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RegistryImpl;
import io.athanor.internal.messages.EngineMessages;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.impl.DSL;

/**
 * Emits the DDL of a registry: CREATE TABLE in foreign-key order (keys, NOT NULL, defaults, UNIQUE,
 * foreign keys inline where the referenced table already exists, ALTER TABLE for cycles), then
 * CREATE INDEX; DROP TABLE dependents first.
 */
public final class DdlGenerator {
    private final RegistryImpl registry;
    private final EngineImpl engine;
    private final Dialect dialect;

    public DdlGenerator(RegistryImpl registry, EngineImpl engine) {
        this.registry = registry;
        this.engine = engine;
        this.dialect = engine.dialect();
    }

    /** The statements for a database that has none of the tables. */
    public List<String> createStatements() {
        return create(Set.of());
    }

    public void createAll() {
        try (Connection c = engine.dataSource().getConnection()) {
            c.setAutoCommit(true);
            Set<String> existing = existingTables(c);
            run(c, create(existing));
        } catch (SQLException e) {
            throw Errors.database(EngineMessages.createAllFailed(), e, null);
        }
    }

    public void dropAll() {
        List<String> statements = new ArrayList<>();
        List<Mapper> ordered = registry.ordered();
        try (Connection c = engine.dataSource().getConnection()) {
            c.setAutoCommit(true);
            Set<String> existing = existingTables(c);
            for (io.athanor.internal.mapping.SecondaryTable t : registry.secondaries()) {
                if (existing.contains(t.table().toLowerCase())) {
                    statements.add("DROP TABLE " + quote(t.table()) + (dialect == Dialect.MARIADB ? "" : " CASCADE"));
                }
            }
            for (int i = ordered.size() - 1; i >= 0; i--) {
                Mapper m = ordered.get(i);
                if (m.ownsTable() && existing.contains(m.table().toLowerCase())) {
                    statements.add("DROP TABLE " + quote(m.table()) + (dialect == Dialect.MARIADB ? "" : " CASCADE"));
                }
            }
            run(c, statements);
        } catch (SQLException e) {
            throw Errors.database(EngineMessages.dropAllFailed(), e, null);
        }
    }

    private List<String> create(Set<String> existing) {
        List<String> statements = new ArrayList<>();
        List<String> later = new ArrayList<>();
        Set<String> created = new HashSet<>(existing);
        for (Mapper whole : registry.ordered()) {
            if (!whole.ownsTable() || existing.contains(whole.table().toLowerCase())) {
                continue; // a subclass of a single-table hierarchy lives in its parent's table
            }
            Mapper m = whole.parts().get(whole.parts().size() - 1); // the columns of its own table
            created.add(m.table().toLowerCase());
            List<ColumnModel> columns = tableColumns(whole, m);
            List<String> parts = new ArrayList<>();
            for (ColumnModel c : columns) {
                parts.add(columnDefinition(m, c));
            }
            List<String> keys = new ArrayList<>();
            for (ColumnModel k : m.primaryKey()) {
                keys.add(quote(k.columnName()));
            }
            parts.add("CONSTRAINT " + quote("pk_" + m.table()) + " PRIMARY KEY (" + String.join(", ", keys) + ")");
            for (ColumnModel c : columns) {
                if (c.unique()) {
                    parts.add("CONSTRAINT " + quote("uq_" + m.table() + "_" + c.columnName()) + " UNIQUE ("
                            + quote(c.columnName()) + ")");
                }
            }
            for (ColumnModel c : columns) {
                ForeignKeyModel fk = c.foreignKey();
                if (fk == null) {
                    continue;
                }
                String constraint = foreignKey(m, c, fk);
                if (created.contains(fk.table().toLowerCase())) {
                    parts.add(constraint);
                } else {
                    later.add("ALTER TABLE " + quote(m.table()) + " ADD " + constraint);
                }
            }
            statements.add("CREATE TABLE " + quote(m.table()) + " (\n  " + String.join(",\n  ", parts) + "\n)");
            for (ColumnModel c : columns) {
                if (c.indexed()) {
                    statements.add("CREATE INDEX " + quote("ix_" + m.table() + "_" + c.columnName()) + " ON "
                            + quote(m.table()) + " (" + quote(c.columnName()) + ")");
                }
            }
        }
        statements.addAll(later);
        for (io.athanor.internal.mapping.SecondaryTable t : registry.secondaries()) {
            if (!existing.contains(t.table().toLowerCase())) {
                statements.add(secondaryTable(t));
            }
        }
        return statements;
    }

    /** An association table no class maps: both keys, a composite primary key, cascading foreign keys. */
    private String secondaryTable(io.athanor.internal.mapping.SecondaryTable t) {
        List<String> parts = new ArrayList<>();
        List<String> all = new ArrayList<>();
        addSide(parts, all, t.ownerColumns(), t.ownerKey());
        addSide(parts, all, t.targetColumns(), t.targetKey());
        parts.add("CONSTRAINT " + quote("pk_" + t.table()) + " PRIMARY KEY (" + String.join(", ", all) + ")");
        parts.add(secondaryForeignKey(t.table(), t.ownerColumns(), t.ownerKey()));
        parts.add(secondaryForeignKey(t.table(), t.targetColumns(), t.targetKey()));
        return "CREATE TABLE " + quote(t.table()) + " (\n  " + String.join(",\n  ", parts) + "\n)";
    }

    private void addSide(List<String> parts, List<String> all, String[] names, ColumnModel[] key) {
        for (int i = 0; i < names.length; i++) {
            parts.add(quote(names[i]) + " " + key[i].codec().ddlType(dialect, key[i].spec()) + " NOT NULL");
            all.add(quote(names[i]));
        }
    }

    private String secondaryForeignKey(String table, String[] names, ColumnModel[] key) {
        String referenced = key[0].mappedClass() == null ? "" : registry.mapper(key[0].mappedClass()).table();
        List<String> local = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            local.add(quote(names[i]));
            remote.add(quote(key[i].columnName()));
        }
        return "CONSTRAINT " + quote("fk_" + table + "_" + names[0]) + " FOREIGN KEY (" + String.join(", ", local)
                + ") REFERENCES " + quote(referenced) + " (" + String.join(", ", remote) + ") ON DELETE CASCADE";
    }

    private String foreignKey(Mapper m, ColumnModel c, ForeignKeyModel fk) {
        return "CONSTRAINT " + quote("fk_" + m.table() + "_" + c.columnName()) + " FOREIGN KEY (" + quote(c.columnName())
                + ") REFERENCES " + quote(fk.table()) + " (" + quote(fk.column()) + ")"
                + (fk.onDelete().isEmpty() ? "" : " ON DELETE " + onDelete(fk.onDelete()));
    }

    private static String onDelete(String action) {
        String a = action.strip().toUpperCase();
        return switch (a) {
            case "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION" -> a;
            default -> throw new IllegalArgumentException(EngineMessages.unknownOnDelete(action));
        };
    }

    /**
     * The columns of a class's own table ({@code own}: that table's part of the class): its own, then
     * those of its subclasses stored in the same table (single-table inheritance below it).
     */
    private static List<ColumnModel> tableColumns(Mapper whole, Mapper own) {
        List<ColumnModel> columns = new ArrayList<>(List.of(own.columns()));
        addSubclassColumns(whole, columns);
        return columns;
    }

    private static void addSubclassColumns(Mapper parent, List<ColumnModel> columns) {
        for (Mapper child : parent.children()) {
            if (child.ownsTable()) {
                continue; // a joined subclass has a table of its own
            }
            ColumnModel[] all = child.columns();
            for (int i = parent.columns().length; i < all.length; i++) {
                columns.add(all[i]);
            }
            addSubclassColumns(child, columns);
        }
    }

    private String columnDefinition(Mapper m, ColumnModel c) {
        StringBuilder b = new StringBuilder(quote(c.columnName())).append(' ');
        String type = c.codec().ddlType(dialect, c.spec());
        if (c == m.generatedKey()) {
            b.append(type);
            b.append(dialect == Dialect.MARIADB ? " NOT NULL AUTO_INCREMENT" : " GENERATED BY DEFAULT AS IDENTITY");
            return b.toString();
        }
        b.append(type);
        if (c.serverDefault() != null) {
            b.append(" DEFAULT ").append(c.serverDefault());
        }
        // a subclass's own columns are NULL in the rows of the hierarchy's other classes
        boolean baseColumn = c.position() < m.columns().length && m.columns()[c.position()] == c;
        if (!c.nullable() && baseColumn) {
            b.append(" NOT NULL");
        }
        return b.toString();
    }

    private String quote(String name) {
        return engine.sql().render(DSL.name(name));
    }

    private Set<String> existingTables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = dialect == Dialect.MARIADB ? null : c.getSchema();
        try (ResultSet rs = meta.getTables(c.getCatalog(), schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }

    private void run(Connection c, List<String> statements) {
        for (String sql : statements) {
            SqlLog.statement(engine, sql, List.of());
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw Errors.database(EngineMessages.ddlFailed(), e, sql);
            }
        }
    }
}
