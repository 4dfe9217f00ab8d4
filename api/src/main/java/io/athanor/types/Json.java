package io.athanor.types;

/**
 * Marks a JSON column: {@code @Column(type = Json.class)} on a {@code Map}, {@code List}, record or
 * bean field. Stored as {@code JSON} on H2 and MariaDB and {@code jsonb} on PostgreSQL, converted
 * with Jakarta JSON Binding. {@link JsonText} chooses PostgreSQL's {@code json} instead.
 */
public final class Json {
    private Json() {
    }
}
