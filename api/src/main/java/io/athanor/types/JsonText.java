package io.athanor.types;

/**
 * Marks a JSON column stored as text: {@code @Column(type = JsonText.class)}. On PostgreSQL the
 * column is {@code json} (the document is kept as written: key order, duplicate keys and white
 * space survive) instead of the {@code jsonb} that {@link Json} gives; on H2 and MariaDB it is the
 * same {@code JSON} type as {@link Json}. Values convert with Jakarta JSON Binding, as with {@link Json}.
 */
public final class JsonText {
    private JsonText() {
    }
}
