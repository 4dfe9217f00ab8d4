package io.athanor.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column options for a persistent field: SQLAlchemy's {@code mapped_column(...)}. A field
 * without this annotation is still a column with the defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {
    /** The column name; empty means the snake_case form of the field name. */
    String name() default "";

    /** Whether NULL is allowed; primary-key columns and primitive fields are never nullable. */
    boolean nullable() default true;

    /** Adds a UNIQUE constraint on this column. */
    boolean unique() default false;

    /** Length of a string or binary column. */
    int length() default 255;

    /** Precision of a {@code BigDecimal} column. */
    int precision() default 19;

    /** Scale of a {@code BigDecimal} column. */
    int scale() default 2;

    /** Creates an index on this column. */
    boolean index() default false;

    /**
     * The column type: {@link io.athanor.types.Json}, or a class implementing
     * {@link io.athanor.types.ColumnType} with a public no-argument constructor. {@code void.class}
     * means the type follows from the field's Java type.
     */
    Class<?> type() default void.class;

    /** A SQL expression used as the column's DEFAULT in DDL, rendered verbatim (e.g. {@code "0"}). */
    String serverDefault() default "";
}
