package io.athanor.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A foreign key from this column to {@code "table.column"}: SQLAlchemy's {@code ForeignKey}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {
    /** The referenced column as {@code "table.column"}. */
    String value();

    /** The ON DELETE action ({@code "CASCADE"}, {@code "SET NULL"}, ...); empty for none. */
    String onDelete() default "";
}
