package io.athanor.internal.engine;

import io.athanor.DatabaseException;
import io.athanor.IntegrityException;
import java.sql.SQLException;

/** Turns driver exceptions into Athanor's, keeping the SQL state and naming the statement. */
public final class Errors {
    private Errors() {
    }

    /** An {@link IntegrityException} for constraint violations (SQL state class 23), else a {@link DatabaseException}. */
    public static DatabaseException database(String context, SQLException e, String sql) {
        String state = e.getSQLState();
        String message = context + ": " + e.getMessage() + (state == null ? "" : " [SQL state " + state + "]")
                + (sql == null ? "" : "\n  SQL: " + sql);
        if (state != null && state.startsWith("23")) {
            return new IntegrityException(message, e);
        }
        return new DatabaseException(message, e);
    }

    /**
     * Whether a driver error means the connection itself is gone (killed, terminated by an
     * administrator, network lost): the pool then drops it when it is returned, instead of handing a
     * dead connection to the next transaction. Statement errors (timeouts, deadlocks, constraint
     * violations) leave the connection usable.
     */
    public static boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            String state = t instanceof SQLException s ? s.getSQLState() : null;
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03"))) {
                return true;
            }
        }
        return false;
    }
}
