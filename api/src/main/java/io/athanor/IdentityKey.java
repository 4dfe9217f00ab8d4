package io.athanor;

/**
 * The key of the identity map: a mapped class and a primary key value (a {@link Key} for composite
 * keys). SQLAlchemy's identity key tuple.
 *
 * @param type the mapped class
 * @param id   the primary key value
 */
public record IdentityKey(Class<?> type, Object id) {
    @Override
    public String toString() {
        return "(" + type.getSimpleName() + ", " + id + ")";
    }
}
