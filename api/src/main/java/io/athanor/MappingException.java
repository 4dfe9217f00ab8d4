package io.athanor;

import java.util.Collections;
import java.util.List;

/**
 * A mapped class is wrong: raised when the {@code Registry} is built, naming the class, the field and the fix
 * (SQLAlchemy's {@code ArgumentError} at mapper configuration).
 *
 * <p>The Registry reports every problem it finds at once. With several, the message is a summary
 * ({@code ATHANOR-1000}) listing them, and {@link #problems()} gives each one's own message, so that callers
 * which report problems one by one (the CDI extension turns each into a deployment error) need not parse the
 * summary's text.
 */
public class MappingException extends AthanorException {
    private static final long serialVersionUID = 1L;

    /** Each problem's own message, in the order found; never empty. */
    private final List<String> problems;

    /** One problem: {@link #problems()} is a one-element list holding {@code message}. */
    public MappingException(String message) {
        super(message);
        this.problems = Collections.singletonList(message);
    }

    /** One problem with its cause: {@link #problems()} is a one-element list holding {@code message}. */
    public MappingException(String message, Throwable cause) {
        super(message, cause);
        this.problems = Collections.singletonList(message);
    }

    /**
     * Several problems found together: {@code message} is the exception's whole message (a summary of them all)
     * and {@code problems} holds each problem's own message, id first, in the order found.
     *
     * @throws IllegalArgumentException if {@code problems} is empty
     * @throws NullPointerException if {@code problems} is or holds {@code null}
     */
    public MappingException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("a MappingException needs at least one problem");
        }
    }

    /**
     * Each problem's own message, starting with its id ({@code ATHANOR-1002: ...}), in the order the Registry
     * found them. An exception for a single problem returns a one-element list holding its message. The list
     * is immutable.
     */
    public List<String> problems() {
        return problems;
    }
}
