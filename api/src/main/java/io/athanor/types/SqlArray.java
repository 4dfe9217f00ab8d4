package io.athanor.types;

/**
 * Marks a SQL array column: {@code @Column(type = SqlArray.class)} on a {@code List<E>} field
 * whose element type {@code E} is a built-in scalar ({@code String}, {@code Integer}, {@code Long},
 * {@code Short}, {@code Boolean}, {@code Double}, {@code Float}, {@code BigDecimal} or
 * {@code UUID}). Stored as {@code E[]} on PostgreSQL and {@code E ARRAY} on H2, and loaded as a
 * {@code List}. MariaDB has no array type: using such a mapping there fails with a
 * {@link io.athanor.MappingException} that suggests {@link Json} instead. {@code @Column(length)}
 * sizes string elements.
 */
public final class SqlArray {
    private SqlArray() {
    }
}
