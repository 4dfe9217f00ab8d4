package io.athanor.ext.mutable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import io.athanor.testsupport.SqlCapture;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Mutable values in jsonb/json, SQL array and serialised columns, and mutable composites. */
@AllDatabases
class ColumnTypesAndCompositesTest {
    static final Registry DOCS = Registry.of(Doc.class);
    static final Registry PICKLED = Registry.of(Pickled.class);
    static final Registry LISTED = Registry.of(Listed.class);
    static final Registry VERTICES = Registry.of(Vertex.class);

    @Parameter
    DatabaseHandle db;

    private static SessionMaker keep(Registry registry, Engine engine) {
        return SessionMaker.builder(registry).bind(engine).expireOnCommit(false).build();
    }

    @Test
    void postgresqlUsesJsonbByDefaultAndJsonForJsonText() throws SQLException {
        try (Engine engine = Fixture.engine(db, DOCS); Connection c = engine.dataSource().getConnection()) {
            if (engine.dialect() != Dialect.POSTGRESQL) {
                return;
            }
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "mut_doc", "%")) {
                Map<String, String> types = new java.util.HashMap<>();
                while (rs.next()) {
                    types.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
                }
                assertEquals("jsonb", types.get("data"));
                assertEquals("json", types.get("meta"));
            }
        }
    }

    @Test
    void aMutableDictInASerialisedColumn() {
        try (Engine engine = Fixture.engine(db, PICKLED)) {
            SessionMaker sessions = keep(PICKLED, engine);
            Pickled p = new Pickled();
            p.state = new MutableDict<>(Map.of("n", 1));
            sessions.transaction(s -> s.add(p));
            try (Session s = sessions.open()) {
                Pickled l = s.get(Pickled.class, p.id);
                assertInstanceOf(MutableDict.class, l.state);
                l.state.put("m", List.of(2, 3));
                assertTrue(s.getDirty().contains(l));
                s.commit();
            }
            try (Session s = SessionMaker.builder(PICKLED).bind(engine).build().open()) {
                assertEquals(Map.of("n", 1, "m", List.of(2, 3)), s.get(Pickled.class, p.id).state);
            }
        }
    }

    @Test
    void aMutableListInASqlArrayColumn() throws SQLException {
        if (db.kind() == TestDatabase.MARIADB) {
            try (Engine engine = Engine.create(db.jdbcUrl(), db.properties())) {
                MappingException e = assertThrows(MappingException.class, () -> LISTED.createAll(engine));
                assertTrue(e.getMessage().startsWith("ATHANOR-1023: io.athanor.ext.mutable.Listed.tags is mapped with "
                        + "@Column(type = SqlArray.class), but MARIADB has no array column type"), e.getMessage());
            }
            return;
        }
        try (Engine engine = Fixture.engine(db, LISTED)) {
            SessionMaker sessions = keep(LISTED, engine);
            Listed l = new Listed();
            l.tags = new MutableList<>(List.of("a", "b"));
            sessions.transaction(s -> s.add(l));
            try (Session s = sessions.open()) {
                Listed loaded = s.get(Listed.class, l.id);
                assertInstanceOf(MutableList.class, loaded.tags);
                loaded.tags.add("c");
                loaded.tags.remove("a");
                assertTrue(s.getDirty().contains(loaded));
                s.commit();
            }
            try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT tags FROM mut_listed")) {
                assertTrue(rs.next());
                assertEquals(List.of("b", "c"), List.of((Object[]) rs.getArray(1).getArray()));
            }
        }
    }

    @Test
    void settingAFieldOfAMutableCompositeWritesItsColumns() throws SQLException {
        try (Engine engine = Fixture.engine(db, VERTICES)) {
            SessionMaker sessions = keep(VERTICES, engine);
            Vertex v = new Vertex();
            v.at = new Point(1, 2);
            sessions.transaction(s -> s.add(v));
            try (Session s = sessions.open()) {
                Vertex l = s.get(Vertex.class, v.id);
                assertEquals(2, l.at.y());
                l.at.setY(20);
                assertTrue(s.getDirty().contains(l));
                try (SqlCapture sql = SqlCapture.start()) {
                    s.commit();
                    assertEquals(1, sql.count("UPDATE"), sql.lines().toString());
                }
                assertTrue(s.getDirty().isEmpty(), "loading and flushing report no change");
            }
            try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT px, py FROM mut_vertex")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertEquals(20, rs.getInt(2));
            }
        }
    }
}
