package io.athanor.types;

/**
 * A user column type: SQLAlchemy's {@code TypeDecorator}. It stores values of the Java type
 * {@code J} in a column of one of the built-in types ({@link #storedAs()}), converting on the way
 * in and out. Implementations need a public no-argument constructor and must be stateless.
 *
 * @param <J> the Java type of the mapped field
 */
public interface ColumnType<J> {

    /** The Java type of the mapped field. */
    Class<J> javaType();

    /** The built-in Java type the column stores ({@code String.class}, {@code Long.class}, ...). */
    Class<?> storedAs();

    /** Converts a non-null field value to a value of {@link #storedAs()}. */
    Object toDatabase(J value);

    /** Converts a non-null stored value back to the field's type. */
    J fromDatabase(Object value);
}
