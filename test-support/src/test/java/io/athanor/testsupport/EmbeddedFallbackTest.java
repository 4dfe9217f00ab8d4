package io.athanor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Checks the embedded servers; runs only when they are forced, e.g.
 * {@code mvn -B -pl test-support -am verify -Dathanor.test.embedded=true}, since the embedded
 * MariaDB takes 7 to 12 s to start.
 */
@EnabledIfSystemProperty(named = Databases.EMBEDDED_PROPERTY, matches = "(?i)true")
class EmbeddedFallbackTest {

    @Test
    void postgresqlIsEmbeddedAndReadyForXa() throws SQLException {
        DatabaseHandle db = Databases.get(TestDatabase.POSTGRESQL);
        assertTrue(db.description().startsWith("embedded PostgreSQL "), db.description());
        assertEquals("20", single(db, "show max_prepared_transactions"));
    }

    @Test
    void mariadbIsEmbedded() throws SQLException {
        DatabaseHandle db = Databases.get(TestDatabase.MARIADB);
        assertTrue(db.description().startsWith("embedded MariaDB "), db.description());
        assertEquals("utf8mb4", single(db, "select @@character_set_database"));
    }

    private static String single(DatabaseHandle db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
