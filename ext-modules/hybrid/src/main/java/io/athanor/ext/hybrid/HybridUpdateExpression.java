package io.athanor.ext.hybrid;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What setting a hybrid property in a bulk UPDATE means: SQLAlchemy's
 * {@code hybrid_property.update_expression}. A static method of the class (or of the {@code @Mixin}
 * or superclass) that declares the hybrid named by {@link #value()}; it receives the value given to
 * {@code update(...).set(Person_.fullName, value)} and returns the columns to set instead:
 *
 * <pre>{@code
 * @HybridUpdateExpression("length")
 * static Map<Field<?>, Object> lengthUpdate(Field<Integer> value) {
 *     return Map.of(Interval_.end, Interval_.start.plus(value));     // UPDATE interval SET end = start + ?
 * }
 * }</pre>
 *
 * <p>Parameters: optionally first a {@link Columns} (required in a {@code @Mixin}, so that each mapped
 * subclass sets its own columns), then the value: a jOOQ {@code Field<T>} (a plain value is bound as a
 * parameter of the hybrid's type) or a plain type (the value is passed as it is). It returns a
 * {@code Map<Field<?>, Object>} (a {@code LinkedHashMap} keeps the SET order) or a
 * {@code List<Map.Entry<Field<?>, Object>>}. The method found on the most derived class wins, so a
 * subclass may redefine it for itself (SQLAlchemy's {@code overrides}).
 *
 * <p>A hybrid without one may still be set when its expression is a plain column; others raise
 * {@code ATHANOR-7010}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HybridUpdateExpression {

    /** The name of the hybrid property this method gives the UPDATE assignments of. */
    String value();
}
