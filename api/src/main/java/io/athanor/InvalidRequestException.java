package io.athanor;

/** An operation that is not allowed in the current state: SQLAlchemy's {@code InvalidRequestError}. */
public class InvalidRequestException extends AthanorException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
