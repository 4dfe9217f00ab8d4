package io.athanor;

import java.sql.SQLException;

/**
 * A constraint refused the statement (unique, not-null, foreign key, check): SQLAlchemy's
 * {@code IntegrityError}. The SQL state class is {@code 23}.
 */
public class IntegrityException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message, SQLException cause) {
        super(message, cause);
    }
}
