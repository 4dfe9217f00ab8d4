package io.athanor.cdi;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a bean method (or every business method of a bean) inside a savepoint of the active JTA
 * transaction: the "nested" propagation {@code @Transactional} lacks. The session of the unit flushes
 * and issues {@code SAVEPOINT}; when the method returns the savepoint is released; when it throws an
 * exception that rolls back (unchecked exceptions and errors, plus {@link #rollbackOn()}, minus
 * {@link #dontRollbackOn()}, which takes precedence) the database and the session's memory go back to
 * the savepoint, and the exception reaches the caller, which may catch it and carry on. With no
 * active transaction one is begun and ended around the method, as {@code REQUIRED} would.
 *
 * <p>Inside the method, {@code @Inject io.athanor.jta.SubTransaction} is the current savepoint, for
 * {@code onRelease}/{@code onRollback} callbacks. It nests: a {@code @SubTransaction} method called
 * from another runs in a savepoint inside the caller's.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SubTransaction {

    /** Further exceptions (checked ones, typically) that roll the savepoint back. */
    @Nonbinding
    Class<?>[] rollbackOn() default {};

    /** Exceptions that release the savepoint although they would roll it back. */
    @Nonbinding
    Class<?>[] dontRollbackOn() default {};

    /** The unit whose session takes the savepoint; the default unit when empty. */
    @Nonbinding
    String unit() default "";
}
