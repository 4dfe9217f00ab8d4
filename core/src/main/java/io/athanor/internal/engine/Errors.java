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
}
