package io.athanor.mapping;

/** How a relationship loads: SQLAlchemy's {@code lazy=} values. */
public enum Lazy {
    /** Loads on first access with one SELECT. */
    SELECT,
    /** Loads for a whole batch of parents with one {@code IN} query. */
    SELECTIN,
    /** Loads in the parent's query through a LEFT OUTER JOIN. */
    JOINED,
    /** Raises on access instead of loading. */
    RAISE,
    /** Never loads; the attribute stays empty unless populated in memory. */
    NOLOAD
}
