package io.athanor;

/** An unloaded attribute of an instance that belongs to no session was read (SQLAlchemy's {@code DetachedInstanceError}). */
public class DetachedInstanceException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public DetachedInstanceException(String message) {
        super(message);
    }

    public DetachedInstanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
