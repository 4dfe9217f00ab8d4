package io.athanor;

/** A query that must return at most one row returned several (SQLAlchemy's {@code MultipleResultsFound}). */
public class MultipleResultsException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public MultipleResultsException(String message) {
        super(message);
    }

    public MultipleResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
