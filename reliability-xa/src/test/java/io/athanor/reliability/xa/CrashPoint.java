package io.athanor.reliability.xa;

/**
 * Where in Narayana's two-phase commit the transferring JVM stops and waits for its SIGKILL. The
 * points are counted over both databases' XA resources, whatever order Narayana takes them in.
 */
public enum CrashPoint {
    /** No crash: the transaction commits (a control run of the harness). */
    NONE(true),
    /** The first resource has prepared, the second has not: no decision is logged, recovery must roll back. */
    AFTER_FIRST_PREPARE(false),
    /** Both resources prepared, the commit decision logged, neither committed: recovery must commit both. */
    AFTER_BOTH_PREPARED(true),
    /** One resource committed, the other still prepared: recovery must commit the second. */
    AFTER_FIRST_COMMIT(true);

    private final boolean committed;

    CrashPoint(boolean committed) {
        this.committed = committed;
    }

    /** Whether both rows must exist after recovery (else neither may). */
    public boolean expectsBothRows() {
        return committed;
    }

    /** The kill points, in the order trials cycle through them. */
    public static CrashPoint[] killPoints() {
        return new CrashPoint[] {AFTER_FIRST_PREPARE, AFTER_BOTH_PREPARED, AFTER_FIRST_COMMIT};
    }
}
