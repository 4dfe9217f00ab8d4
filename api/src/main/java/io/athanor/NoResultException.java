package io.athanor;

/** A query that must return a row returned none (SQLAlchemy's {@code NoResultFound}). */
public class NoResultException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public NoResultException(String message) {
        super(message);
    }

    public NoResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
