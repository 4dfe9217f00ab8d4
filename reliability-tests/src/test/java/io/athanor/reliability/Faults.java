package io.athanor.reliability;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.reliability.model.Bulk;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Per-database SQL for faults: backend ids, the activity views, kills, timeouts; and committed-row reads. */
final class Faults {
    private Faults() {
    }

    /** The id the server knows a connection by. */
    static long backendId(TestDatabase kind, Connection c) throws SQLException {
        String sql = switch (kind) {
            case POSTGRESQL -> "SELECT pg_backend_pid()";
            case MARIADB -> "SELECT CONNECTION_ID()";
            case H2 -> "SELECT SESSION_ID()";
        };
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether the backend is still known to the server (one poll of its activity view). */
    static boolean alive(TestDatabase kind, Connection admin, long id) throws SQLException {
        String sql = switch (kind) {
            case POSTGRESQL -> "SELECT state FROM pg_stat_activity WHERE pid = ?";
            case MARIADB -> "SELECT COMMAND FROM information_schema.PROCESSLIST WHERE ID = ?";
            case H2 -> "SELECT EXECUTING_STATEMENT FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = ?";
        };
        try (PreparedStatement ps = admin.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether the backend waits for a lock now (one poll). */
    static boolean waitingForLock(TestDatabase kind, Connection admin, long id) throws SQLException {
        String sql = switch (kind) {
            case POSTGRESQL -> "SELECT 1 FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'";
            // INNODB_TRX does not always say LOCK WAIT for a blocked UPDATE (seen on 10.11 as RUNNING,
            // state Updating): a one-row UPDATE still running is blocked
            case MARIADB -> "SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ? AND COMMAND = 'Query'"
                    + " AND (INFO LIKE 'UPDATE%' OR INFO LIKE 'DELETE%')";
            case H2 -> "SELECT 1 FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = ? AND BLOCKER_ID IS NOT NULL";
        };
        try (PreparedStatement ps = admin.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** What the server's sessions do now, for failure messages. */
    static String activity(TestDatabase kind, Connection admin) throws SQLException {
        String sql = switch (kind) {
            case POSTGRESQL -> "SELECT pid || ' ' || coalesce(state, '') || ' ' || coalesce(wait_event_type, '') || ' '"
                    + " || left(coalesce(query, ''), 80) FROM pg_stat_activity WHERE datname = current_database()";
            case MARIADB -> "SELECT CONCAT(p.ID, ' ', p.COMMAND, ' ', COALESCE(p.STATE, ''), ' ', COALESCE(t.trx_state, '-'),"
                    + " ' ', LEFT(COALESCE(p.INFO, ''), 80)) FROM information_schema.PROCESSLIST p LEFT JOIN"
                    + " information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID WHERE p.DB = DATABASE()";
            case H2 -> "SELECT SESSION_ID || ' ' || COALESCE(EXECUTING_STATEMENT, '') FROM INFORMATION_SCHEMA.SESSIONS";
        };
        return String.join("\n  ", strings(admin, sql));
    }

    /** Polls, with a bound, until the backend waits for a lock. */
    static void awaitLockWait(TestDatabase kind, Connection admin, long id) throws SQLException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!waitingForLock(kind, admin, id)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backend " + id + " never waited for the lock");
            }
            Thread.onSpinWait();
        }
    }

    /** Kills the backend's connection from another one. */
    static void kill(TestDatabase kind, Connection admin, long id) throws SQLException {
        try (Statement st = admin.createStatement()) {
            switch (kind) {
                case POSTGRESQL -> st.execute("SELECT pg_terminate_backend(" + id + ")");
                case MARIADB -> st.execute("KILL CONNECTION " + id);
                case H2 -> st.execute("CALL ABORT_SESSION(" + id + ")");
            }
        }
    }

    /** Kills the backend and polls, with a bound, until the server no longer lists it (its transaction rolled back). */
    static void killAndAwait(TestDatabase kind, Connection admin, long id) throws SQLException {
        kill(kind, admin, id);
        awaitGone(kind, admin, id);
    }

    /** Polls, with a bound, until the server no longer lists the backend. */
    static void awaitGone(TestDatabase kind, Connection admin, long id) throws SQLException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (alive(kind, admin, id)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backend " + id + " still listed after the kill:\n  " + activity(kind, admin));
            }
            Thread.onSpinWait();
        }
    }

    /**
     * A statement that makes statements of this connection time out after {@code ms} (for the current transaction where
     * possible).
     */
    static String statementTimeout(TestDatabase kind, int ms) {
        return switch (kind) {
            case POSTGRESQL -> "SET LOCAL statement_timeout = " + ms;
            case MARIADB -> "SET SESSION max_statement_time = " + (ms / 1000.0);
            case H2 -> "SET LOCK_TIMEOUT " + ms;
        };
    }

    /** A committed row of {@code rel_bulk}, its id. */
    static long committedRow(SessionMaker sessions, String payload) {
        try (Session s = sessions.open()) {
            Bulk b = new Bulk(0, payload);
            s.add(b);
            s.flush();
            long id = b.id;
            s.commit();
            return id;
        }
    }

    /** An auto-commit connection of its own (committed rows only, a fresh snapshot per statement). */
    static Connection observer(DatabaseHandle db) throws SQLException {
        Connection c = db.dataSource().getConnection();
        c.setAutoCommit(true);
        return c;
    }

    static long count(Connection observer, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = observer.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<String> strings(Connection observer, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = observer.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** A pooled engine of its own (closed by the caller), so that session settings do not leak into the shared pool. */
    static Engine ownEngine(DatabaseHandle db, int maxSize, int acquisitionTimeoutMs) {
        java.util.Properties props = db.properties();
        props.setProperty("athanor.pool.max-size", String.valueOf(maxSize));
        props.setProperty("athanor.pool.acquisition-timeout-ms", String.valueOf(acquisitionTimeoutMs));
        // a connection killed in a test is borrowed again at once: check every borrow, not only after 1 s idle
        props.setProperty("athanor.pool.pre-ping-idle-ms", "0");
        return Engine.create(db.jdbcUrl(), props);
    }
}
