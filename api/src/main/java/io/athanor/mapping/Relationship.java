package io.athanor.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A relationship to another mapped class: SQLAlchemy's {@code relationship(...)}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Relationship {
    /** The attribute on the other class that mirrors this one. */
    String backPopulates() default "";

    /** SQLAlchemy's cascade string. */
    String cascade() default "save-update, merge";

    /** The loading strategy. */
    Lazy lazy() default Lazy.SELECT;

    /** The association table of a many-to-many relationship. */
    String secondary() default "";

    /** Ordering of a collection, as {@code "column"} or {@code "column desc"}. */
    String orderBy() default "";

    /** The foreign-key columns to use where several could join the two tables. */
    String[] foreignKeys() default {};

    /** Leaves deletes of children to the database's ON DELETE CASCADE. */
    boolean passiveDeletes() default false;

    /** Whether a one-to-many is a collection; {@code false} makes it one-to-one. */
    boolean uselist() default true;
}
