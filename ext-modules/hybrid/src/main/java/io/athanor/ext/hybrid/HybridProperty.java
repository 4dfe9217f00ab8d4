package io.athanor.ext.hybrid;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A getter that is also a SQL expression: SQLAlchemy's {@code hybrid_property}. On an instance it
 * is plain Java; in the static metamodel ({@code User_.fullName}) it is a jOOQ field usable in
 * {@code where}, {@code orderBy}, {@code groupBy} and select lists.
 *
 * <p>The hybrid's name is the JavaBeans property name of the getter ({@code getFullName} and
 * {@code fullName()} give {@code fullName}; {@code isActive} on a boolean getter gives
 * {@code active}). Its SQL comes from a static method annotated {@link HybridExpression} with that
 * name, or, when there is none, the metamodel processor derives it from the getter's body when the
 * body is a single {@code return <expression>;} it can translate exactly (see the module README).
 * A getter the processor cannot translate is a compile error unless {@link #derive()} is
 * {@code false}.
 *
 * <p>The hybrid is writable when the class has a JavaBeans setter for it ({@code setFullName} with
 * one parameter of the getter's type): the setter assigns mapped fields, which are tracked and
 * flushed like any field write.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HybridProperty {

    /**
     * Whether the processor derives the SQL expression from the getter's body when no
     * {@link HybridExpression} is given. {@code false} keeps the hybrid Java-only: the metamodel
     * does not expose it and {@link Hybrids#expression} refuses it.
     */
    boolean derive() default true;
}
