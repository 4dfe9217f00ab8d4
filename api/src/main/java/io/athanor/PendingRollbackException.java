package io.athanor;

/**
 * A previous flush failed and rolled back the database transaction: every operation needing the database raises
 * this until {@code rollback()} is called (SQLAlchemy's {@code PendingRollbackError}).
 */
public class PendingRollbackException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public PendingRollbackException(String message) {
        super(message);
    }

    public PendingRollbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
