package io.athanor;

/**
 * The row behind a persistent instance no longer exists when its attributes are loaded (SQLAlchemy's {@code
 * ObjectDeletedError}).
 */
public class ObjectDeletedException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public ObjectDeletedException(String message) {
        super(message);
    }

    public ObjectDeletedException(String message, Throwable cause) {
        super(message, cause);
    }
}
