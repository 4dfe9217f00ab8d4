package io.athanor.sql;

import java.util.List;
import java.util.Map;

/**
 * An immutable multi-row INSERT into a mapped class's table: {@code
 * insert(User.class).values(List.of(Map.of("name", "x")))}; keys are attribute names.
 */
public final class Insert implements Statement {
    private final Class<?> entity;
    private final List<Map<String, ?>> rows;

    Insert(Class<?> entity) {
        this(entity, List.of());
    }

    private Insert(Class<?> entity, List<Map<String, ?>> rows) {
        this.entity = entity;
        this.rows = rows;
    }

    /** The rows to insert, as attribute name to value; one statement for all of them. */
    public Insert values(List<? extends Map<String, ?>> rows) {
        return new Insert(entity, List.copyOf(rows));
    }

    public Class<?> entity() {
        return entity;
    }

    public List<Map<String, ?>> rows() {
        return rows;
    }
}
