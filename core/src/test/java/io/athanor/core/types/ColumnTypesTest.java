package io.athanor.core.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Dialect;
import io.athanor.Engine;
import io.athanor.MappingException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** JsonText (PostgreSQL json), Serialized (PickleType) and SqlArray columns, on every database. */
@AllDatabases
class ColumnTypesTest {
    static final Registry BAGS = Registry.of(Bag.class);
    static final Registry ARRAYS = Registry.of(Tagged.class);

    @Parameter
    DatabaseHandle db;

    private Engine engine(Registry registry) {
        Engine engine = Engine.create(db.jdbcUrl(), db.properties());
        registry.dropAll(engine);
        registry.createAll(engine);
        return engine;
    }

    private String columnType(Engine engine, String table, String column) throws SQLException {
        try (Connection c = engine.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, column)) {
            assertTrue(rs.next(), column);
            return rs.getString("TYPE_NAME").toLowerCase();
        }
    }

    @Test
    void jsonTextAndSerializedRoundTrip() throws SQLException {
        Engine engine = engine(BAGS);
        SessionMaker sessions = SessionMaker.builder(BAGS).bind(engine).expireOnCommit(false).build();
        Bag bag = new Bag();
        bag.doc = Map.of("b", 1, "a", List.of("x"));
        bag.blob = new TreeMap<>(Map.of("k", new ArrayList<>(List.of(1, 2))));
        sessions.transaction(s -> s.add(bag));
        try (Session s = sessions.open()) {
            Bag loaded = s.get(Bag.class, bag.id);
            assertEquals(Map.of("b", 1, "a", List.of("x")).toString().length(), loaded.doc.toString().length());
            assertEquals(List.of("x"), loaded.doc.get("a"));
            assertEquals(bag.blob, loaded.blob);
            assertEquals(TreeMap.class, loaded.blob.getClass());
            loaded.blob = "now a string";
            s.commit();
            assertEquals("now a string", s.get(Bag.class, bag.id).blob);
        }
        if (engine.dialect() == Dialect.POSTGRESQL) {
            assertEquals("json", columnType(engine, "type_bag", "doc"));
            assertEquals("bytea", columnType(engine, "type_bag", "blob"));
        }
        engine.close();
    }

    @Test
    void arraysOnPostgresqlAndH2AndAClearErrorOnMariaDb() throws SQLException {
        if (db.kind() == TestDatabase.MARIADB) {
            Engine engine = Engine.create(db.jdbcUrl(), db.properties());
            MappingException e = assertThrows(MappingException.class, () -> ARRAYS.createAll(engine));
            assertEquals("ATHANOR-1023: io.athanor.core.types.Tagged.tags is mapped with @Column(type = SqlArray.class), "
                    + "but MARIADB has no array column type: map it with @Column(type = Json.class) to store the list "
                    + "as JSON", e.getMessage());
            engine.close();
            return;
        }
        Engine engine = engine(ARRAYS);
        SessionMaker sessions = SessionMaker.builder(ARRAYS).bind(engine).expireOnCommit(false).build();
        Tagged t = new Tagged();
        t.tags = List.of("red", "green");
        t.scores = List.of(3, 1, 2);
        sessions.transaction(s -> s.add(t));
        try (Session s = sessions.open()) {
            Tagged loaded = s.get(Tagged.class, t.id);
            assertEquals(List.of("red", "green"), loaded.tags);
            assertEquals(List.of(3, 1, 2), loaded.scores);
            loaded.tags = List.of();
            s.commit();
            assertEquals(List.of(), s.get(Tagged.class, t.id).tags);
        }
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT scores FROM type_tagged")) {
            rs.next();
            assertEquals(List.of(3, 1, 2), List.of((Object[]) rs.getArray(1).getArray()));
        }
        engine.close();
    }
}
