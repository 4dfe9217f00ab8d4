package io.athanor.ext.mutable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tracks in-place changes of this one attribute with the given mutable type: SQLAlchemy's
 * {@code MutableDict.as_mutable(JSON)} on one column. For a field declared with an interface
 * ({@code Map}, {@code List}, {@code Set}); a field declared with a {@link Mutable} type is tracked
 * without it.
 * <pre>{@code
 * @AsMutable(MutableDict.class)
 * @Column(type = Json.class)
 * Map<String, Object> data;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface AsMutable {
    /** The mutable type values of this attribute are coerced to. */
    Class<? extends Mutable> value();
}
