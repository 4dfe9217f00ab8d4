package io.athanor.metamodel;

/**
 * A metamodel expression that belongs to one mapped class: a column ({@link ColumnAttribute}) or
 * an expression built from the class's columns, such as a hybrid attribute of the
 * {@code athanor-hybrid} extension. Selecting one puts the class's table in the FROM clause (as
 * SQLAlchemy derives FROM from the columns a statement names), and the selected value is read
 * with the column codec of {@link #javaType()}.
 *
 * @param <T> the Java type of the expression's value
 */
public interface MappedExpression<T> {

    /** The mapped class whose table the expression reads. */
    Class<?> entity();

    /** The Java type of the expression's value. */
    Class<T> javaType();
}
