package io.athanor.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A non-mapped superclass whose persistent fields are mapped into the own table of every mapped
 * subclass: SQLAlchemy's declarative mixin. Declare shared columns once (audit timestamps, a
 * surrogate key) and every {@link Mapped} subclass gets them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Mixin {
}
