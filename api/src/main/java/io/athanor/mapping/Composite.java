package io.athanor.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A field whose value class is spread over several columns: SQLAlchemy's {@code composite()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Composite {
    /** Column names of the value class's components, in component order; empty for the defaults. */
    String[] columns() default {};
}
