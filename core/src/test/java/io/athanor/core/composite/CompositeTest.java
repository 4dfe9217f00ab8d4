package io.athanor.core.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** @Composite fields: one attribute over several columns, loaded and written as a unit. */
@AllDatabases
class CompositeTest {
    static final Registry REGISTRY = Registry.of(Shape.class);

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        engine = Engine.create(db.jdbcUrl(), db.properties());
        REGISTRY.dropAll(engine);
        REGISTRY.createAll(engine);
        engine.echo(true);
        sessions = SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private List<Object> row(long id) throws SQLException {
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT start_x, start_y, lo, hi FROM shape WHERE id = " + id)) {
            assertTrue(rs.next());
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                Object v = rs.getObject(i);
                if (v instanceof BigDecimal b) {
                    values.add(b.stripTrailingZeros().toPlainString());
                } else {
                    values.add(v == null ? null : (Object) ((Number) v).intValue());
                }
            }
            return values;
        }
    }

    private Shape saved() {
        Shape s = new Shape();
        s.name = "box";
        s.start = new Point(1, 2);
        s.span = new Range(new BigDecimal("1.5"), new BigDecimal("9"));
        sessions.transaction(x -> x.add(s));
        return s;
    }

    @Test
    void insertsAndLoadsEachComponentInItsColumn() throws SQLException {
        Shape s = saved();
        assertEquals(List.of(1, 2, "1.5", "9"), row(s.id));
        try (Session x = sessions.open()) {
            Shape l = x.get(Shape.class, s.id);
            assertEquals(new Point(1, 2), l.start);
            assertEquals(0, new BigDecimal("1.5").compareTo(l.span.low));
            assertEquals(0, new BigDecimal("9").compareTo(l.span.high));
        }
    }

    @Test
    void assigningANewValueUpdatesTheChangedComponents() throws SQLException {
        Shape s = saved();
        try (Session x = sessions.open()) {
            Shape l = x.get(Shape.class, s.id);
            l.start = new Point(1, 5);
            assertTrue(x.isModified(l));
            try (SqlCapture sql = SqlCapture.start()) {
                x.commit();
                assertEquals(1, sql.count("UPDATE"), sql.lines().toString());
                assertTrue(sql.statements().get(0).contains("start_y"), sql.statements().toString());
                assertFalse(sql.statements().get(0).contains("start_x"), sql.statements().toString());
            }
        }
        assertEquals(List.of(1, 5, "1.5", "9"), row(s.id));
    }

    @Test
    void nullStoresNullsAndAllNullLoadsAsNull() throws SQLException {
        Shape s = saved();
        try (Session x = sessions.open()) {
            Shape l = x.get(Shape.class, s.id);
            l.span = null;
            x.commit();
        }
        assertEquals(java.util.Arrays.asList(1, 2, null, null), row(s.id));
        try (Session x = sessions.open()) {
            assertNull(x.get(Shape.class, s.id).span);
        }
    }

    @Test
    void anInPlaceChangeIsWrittenOnlyWhenFlagged() throws SQLException {
        Shape s = saved();
        try (Session x = sessions.open()) {
            Shape l = x.get(Shape.class, s.id);
            l.span.high = new BigDecimal("10");
            assertFalse(x.isModified(l), "a plain composite class does not report in-place changes");
            Athanor.flagModified(l, "span");
            assertTrue(x.getDirty().contains(l));
            x.commit();
        }
        assertEquals(List.of(1, 2, "1.5", "10"), row(s.id));
    }

    @Test
    void expiredCompositesLoadAgain() {
        Shape s = saved();
        try (Session x = sessions.open()) {
            Shape l = x.get(Shape.class, s.id);
            x.expire(l);
            assertEquals(new Point(1, 2), l.start);
            x.refresh(l);
            assertEquals(new Point(1, 2), l.start);
            assertEquals(0, new BigDecimal("9").compareTo(l.span.high));
        }
    }
}
