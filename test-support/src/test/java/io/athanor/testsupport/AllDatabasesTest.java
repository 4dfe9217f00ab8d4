package io.athanor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

@AllDatabases
class AllDatabasesTest {
    @Parameter
    DatabaseHandle db;

    @Test
    void answersSelectOne() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void handlesOfOneJvmShareTheDatabase() throws SQLException {
        assertSame(db, Databases.get(db.kind()));
        String table = "shared_" + db.kind().id();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists " + table);
            st.execute("create table " + table + " (id int primary key)");
            st.execute("insert into " + table + " values (42)");
        }
        DatabaseHandle again = Databases.get(db.kind());
        try (Connection c = DriverManager.getConnection(again.jdbcUrl(), again.properties());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select id from " + table)) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
            st.execute("drop table " + table);
        }
    }

    @Test
    void worksInItsOwnDatabase() throws SQLException {
        String query = switch (db.kind()) {
            case H2 -> "select lower(database())";
            case POSTGRESQL -> "select current_database()";
            case MARIADB -> "select database()";
        };
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            assertTrue(rs.next());
            assertEquals(db.databaseName(), rs.getString(1));
        }
        assertTrue(db.databaseName().startsWith("athanor"), db.databaseName());
        assertTrue(db.description().contains(db.databaseName()), db.description());
        assertEquals(db.kind().id(), db.toString());
    }
}
