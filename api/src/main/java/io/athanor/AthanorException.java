package io.athanor;

/**
 * The root of every exception Athanor raises. All are unchecked; each message starts with an id
 * ({@code ATHANOR-nnnn}) that names the rule broken, and says how to fix it.
 */
public class AthanorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AthanorException(String message) {
        super(message);
    }

    public AthanorException(String message, Throwable cause) {
        super(message, cause);
    }
}
