package io.athanor;

import java.sql.SQLException;

/**
 * The database refused a statement or failed: wraps the driver's {@link SQLException} (SQLAlchemy's
 * {@code DBAPIError}), keeping its SQL state and vendor code.
 */
public class DatabaseException extends AthanorException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int vendorCode;

    public DatabaseException(String message, SQLException cause) {
        super(message, cause);
        this.sqlState = cause == null ? null : cause.getSQLState();
        this.vendorCode = cause == null ? 0 : cause.getErrorCode();
    }

    /** The driver's SQL state (for example {@code 23505} for a unique violation on PostgreSQL). */
    public String sqlState() {
        return sqlState;
    }

    /** The driver's vendor error code. */
    public int vendorCode() {
        return vendorCode;
    }
}
