package io.athanor;

/** A mapped class is wrong: raised when the {@code Registry} is built, naming the class, the field and the fix (SQLAlchemy's {@code ArgumentError} at mapper configuration). */
public class MappingException extends AthanorException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
