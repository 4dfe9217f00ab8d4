package io.athanor.ext.hybrid;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An instance method with arguments that is also a SQL expression: SQLAlchemy's
 * {@code hybrid_method}. On an instance it is plain Java; its SQL counterpart is the static method
 * annotated {@link HybridExpression} with the method's name, which the metamodel exposes as a static
 * method of the same name ({@code User_.nameStartsWith(...)}). Without such a method the processor
 * derives the SQL from the method's body, as it does for a {@link HybridProperty} getter, its
 * parameters becoming jOOQ fields (SQLAlchemy uses the method itself as the expression when none is
 * given); a body it cannot translate is a compile error unless {@link #derive()} is {@code false}.
 * The hybrid's name is the method name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HybridMethod {

    /**
     * Whether the processor derives the SQL expression from the method's body when no
     * {@link HybridExpression} is given. {@code false} keeps the hybrid method Java-only.
     */
    boolean derive() default true;
}
