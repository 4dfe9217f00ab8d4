package io.athanor;

/**
 * An attribute would have to be loaded where loading is not allowed, such as the caller's thread of an async
 * session (SQLAlchemy's {@code MissingGreenlet}).
 */
public class LazyLoadNotAllowedException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public LazyLoadNotAllowedException(String message) {
        super(message);
    }

    public LazyLoadNotAllowedException(String message, Throwable cause) {
        super(message, cause);
    }
}
