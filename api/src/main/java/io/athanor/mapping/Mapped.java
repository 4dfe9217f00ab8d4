package io.athanor.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as mapped to a table: SQLAlchemy's declarative class with {@code __tablename__}.
 * The class needs a no-argument constructor (any visibility) and must be enhanced at build time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Mapped {
    /** The table name; empty means the snake_case form of the simple class name. */
    String table() default "";
}
