package io.athanor.sql;

/** How a bulk UPDATE or DELETE updates the instances already in the session: SQLAlchemy's {@code synchronize_session}. */
public enum Sync {
    /** EVALUATE when the condition can be evaluated in Java, FETCH otherwise. */
    AUTO,
    /** Selects (or returns) the matched keys and updates or expunges those instances. */
    FETCH,
    /** Evaluates the condition against the instances in memory. */
    EVALUATE,
    /** Leaves the session alone. */
    NONE
}
