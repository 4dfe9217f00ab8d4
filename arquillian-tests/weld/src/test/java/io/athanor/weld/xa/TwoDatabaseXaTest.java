package io.athanor.weld.xa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.weld.model.Item;
import io.athanor.weld.model.Ledger;
import io.athanor.weld.support.Deployments;
import io.athanor.weld.support.Rows;
import io.athanor.weld.support.TestDataSources;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Binds to two XA data sources, PostgreSQL (Item) and MariaDB (Ledger, through
 * {@code athanor.binds.Ledger}): Narayana commits both with two-phase commit, or neither.
 */
@ExtendWith(ArquillianExtension.class)
class TwoDatabaseXaTest {
    @Deployment
    static JavaArchive deployment() {
        return Deployments.of(Map.of("athanor.packages", Item.class.getPackageName(),
                "athanor.datasource", "jdbc/main", "athanor.binds.Ledger", "jdbc/second",
                "test.database", "postgresql", "test.second-database", "mariadb", "test.xa", "true"),
                Transfers.class);
    }

    @Inject
    Transfers transfers;
    @Inject
    Session session;
    @Inject
    SessionMaker sessions;

    private void emptyTables() throws SQLException {
        try (Connection c = TestDataSources.direct("postgresql").getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("show max_prepared_transactions")) {
            rs.next();
            assertTrue(rs.getInt(1) > 0, "PostgreSQL needs max_prepared_transactions > 0 for XA; this module "
                    + "uses the embedded server (configured with 20) unless -Dathanor.test.embedded says otherwise");
        }
        sessions.registry().createAll(session.getBind(Item.class));
        sessions.registry().createAll(session.getBind(Ledger.class));
        Rows.clear(TestDataSources.direct("postgresql"), "weld_items");
        Rows.clear(TestDataSources.direct("mariadb"), "weld_ledger");
    }

    private static List<String> items() {
        return Rows.names(TestDataSources.direct("postgresql"), "weld_items", "name");
    }

    private static List<String> ledger() {
        return Rows.names(TestDataSources.direct("mariadb"), "weld_ledger", "entry");
    }

    @Test
    void bindsResolveToTheTwoDatabases() throws SQLException {
        emptyTables();
        assertEquals("POSTGRESQL", session.getBind(Item.class).dialect().name());
        assertEquals("MARIADB", session.getBind(Ledger.class).dialect().name());
    }

    @Test
    void commitWritesBoth() throws SQLException {
        emptyTables();
        transfers.both("t1");
        assertEquals(List.of("t1"), items());
        assertEquals(List.of("t1"), ledger());
    }

    @Test
    void rollbackWritesNeither() throws SQLException {
        emptyTables();
        assertThrows(IllegalStateException.class, () -> transfers.bothThenFail("t2"));
        assertEquals(List.of(), items());
        assertEquals(List.of(), ledger());
    }

    @Test
    void aFailedFlushOnOneDatabaseAtCommitRollsBackTheOther() throws SQLException {
        emptyTables();
        transfers.both("t3");
        Rows.clear(TestDataSources.direct("postgresql"), "weld_items");
        // the ledger entry exists on MariaDB: the flush in beforeCompletion fails there, after PostgreSQL's insert
        Exception e = assertThrows(Exception.class, () -> transfers.both("t3"));
        assertTrue(hasCause(e, RollbackException.class) || e instanceof jakarta.transaction.TransactionalException,
                e.toString());
        assertEquals(List.of(), items());
        assertEquals(List.of("t3"), ledger());
    }

    private static boolean hasCause(Throwable t, Class<?> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
