package io.athanor.ext.hybrid;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SQL side of a hybrid: a static method of the class (or of the {@code @Mixin} or mapped
 * superclass) that declares the hybrid named by {@link #value()}, returning the expression as a
 * jOOQ {@code Field}, a {@code Condition} (for boolean hybrids) or a {@link Compared} (a hybrid with
 * its own comparison operators).
 *
 * <p>Parameters, in order: optionally first a {@link Columns}, the columns of the mapped class the
 * metamodel is generated for (required when the hybrid is declared in a superclass, so that each
 * mapped subclass gets an expression over its own table); then, for a {@link HybridMethod}, one
 * parameter per argument of the instance method, each either a jOOQ {@code Field<T>} (the metamodel
 * then offers an overload taking {@code Field}s and one taking plain values, bound as parameters) or
 * a plain value type (the metamodel passes the value through).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HybridExpression {

    /** The name of the hybrid this method gives the SQL of. */
    String value();
}
