package io.athanor;

/**
 * An UPDATE or DELETE matched fewer rows than expected, because another transaction changed or deleted the row
 * (SQLAlchemy's {@code StaleDataError}).
 */
public class StaleDataException extends AthanorException {
    private static final long serialVersionUID = 1L;

    public StaleDataException(String message) {
        super(message);
    }

    public StaleDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
