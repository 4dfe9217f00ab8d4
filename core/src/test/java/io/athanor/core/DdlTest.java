package io.athanor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Dialect;
import io.athanor.Engine;
import io.athanor.IntegrityException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.core.model.Address;
import io.athanor.core.model.TestModel;
import io.athanor.core.model.User;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** createAll() emits tables, keys, foreign keys, unique constraints and indexes the database enforces. */
@AllDatabases
class DdlTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;

    @BeforeEach
    void setUp() {
        engine = TestModel.freshEngine(db);
    }

    private String catalog(Connection c) throws SQLException {
        return c.getCatalog();
    }

    private String schema(Connection c) throws SQLException {
        return engine.dialect() == Dialect.MARIADB ? null : c.getSchema();
    }

    @Test
    void tablesColumnsKeysAndIndexes() throws SQLException {
        try (Connection c = engine.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            Map<String, Boolean> nullable = new HashMap<>();
            try (ResultSet rs = meta.getColumns(catalog(c), schema(c), "users", "%")) {
                while (rs.next()) {
                    nullable.put(rs.getString("COLUMN_NAME"), rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable);
                }
            }
            assertEquals(Set.of("id", "name", "fullname", "email", "logins"), nullable.keySet());
            assertFalse(nullable.get("name"), "nullable = false");
            assertTrue(nullable.get("fullname"));
            assertFalse(nullable.get("logins"), "primitives are NOT NULL");
            Set<String> pk = new HashSet<>();
            try (ResultSet rs = meta.getPrimaryKeys(catalog(c), schema(c), "membership")) {
                while (rs.next()) {
                    pk.add(rs.getString("COLUMN_NAME"));
                }
            }
            assertEquals(Set.of("group_name", "user_id"), pk);
            try (ResultSet rs = meta.getImportedKeys(catalog(c), schema(c), "addresses")) {
                assertTrue(rs.next());
                assertEquals("users", rs.getString("PKTABLE_NAME"));
                assertEquals("id", rs.getString("PKCOLUMN_NAME"));
                assertEquals("user_id", rs.getString("FKCOLUMN_NAME"));
                assertEquals(DatabaseMetaData.importedKeyCascade, rs.getShort("DELETE_RULE"));
            }
            Set<String> indexed = new HashSet<>();
            try (ResultSet rs = meta.getIndexInfo(catalog(c), schema(c), "document", false, false)) {
                while (rs.next()) {
                    indexed.add(String.valueOf(rs.getString("COLUMN_NAME")));
                }
            }
            assertTrue(indexed.contains("created_by"), "mixin column index: " + indexed);
        }
    }

    @Test
    void constraintsAreEnforced() {
        SessionMaker sessions = TestModel.sessions(engine);
        SessionMaker setup = TestModel.keepLoaded(engine);
        sessions.transaction(s -> {
            User u = new User("a");
            u.email = "same@example.org";
            s.add(u);
        });
        IntegrityException unique = assertThrows(IntegrityException.class, () -> sessions.transaction(s -> {
            User u = new User("b");
            u.email = "same@example.org";
            s.add(u);
        }));
        assertTrue(unique.sqlState().startsWith("23"));
        IntegrityException fk = assertThrows(IntegrityException.class,
                () -> setup.transaction(s -> s.add(new Address(-1L, "nowhere"))));
        assertTrue(fk.sqlState().startsWith("23"));
        IntegrityException notNull = assertThrows(IntegrityException.class,
                () -> setup.transaction(s -> s.add(new User(null))));
        assertTrue(notNull.sqlState().startsWith("23"), notNull.sqlState());
    }

    @Test
    void cascadingForeignKeyDeletesChildren() {
        SessionMaker sessions = TestModel.sessions(engine);
        SessionMaker setup = TestModel.keepLoaded(engine);
        User u = new User("parent");
        setup.transaction(s -> s.add(u));
        setup.transaction(s -> s.add(new Address(u.id, "street")));
        sessions.transaction(s -> s.delete(s.get(User.class, u.id)));
        try (Session s = sessions.open()) {
            assertEquals(0, s.scalars(io.athanor.sql.Sql.select(Address.class)).all().size());
        }
    }

    @Test
    void createAllIsIdempotentAndDropAllRemovesTables() {
        Registry small = Registry.of(DdlProbe.class);
        small.dropAll(engine);
        List<String> ddl = small.createDdl(engine);
        assertEquals(2, ddl.size(), ddl.toString());
        assertTrue(ddl.get(0).startsWith("CREATE TABLE "), ddl.get(0));
        assertTrue(ddl.get(1).startsWith("CREATE INDEX "), ddl.get(1));
        small.createAll(engine);
        small.createAll(engine);
        small.dropAll(engine);
        small.dropAll(engine);
    }

    @io.athanor.mapping.Mapped(table = "ddl_probe")
    static class DdlProbe {
        @io.athanor.mapping.Id
        Integer id;
        @io.athanor.mapping.Column(index = true, unique = true, length = 12)
        String code;
    }
}
