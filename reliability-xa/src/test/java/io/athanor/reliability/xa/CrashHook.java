package io.athanor.reliability.xa;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transferring JVM's kill switch, called by {@link HookedXAResource} around each database's
 * {@code prepare} and {@code commit}. When the configured {@link CrashPoint} is reached it prints
 * {@value #READY} (with what has happened so far) to stdout and blocks the transaction manager's
 * thread until the parent kills the JVM with SIGKILL. A JVM whose parent never kills it halts itself
 * after {@link #KILL_WAIT_SECONDS}, so no child outlives a broken test.
 */
final class CrashHook {
    /** The line prefix the parent waits for. */
    static final String READY = "ATHANOR-XA-READY";
    static final long KILL_WAIT_SECONDS = 60;

    private static volatile CrashPoint point = CrashPoint.NONE;
    private static final AtomicInteger PREPARED = new AtomicInteger();
    private static final AtomicInteger COMMITTED = new AtomicInteger();
    private static final StringBuffer EVENTS = new StringBuffer();

    private CrashHook() {
    }

    static void arm(CrashPoint crashPoint) {
        point = crashPoint;
    }

    static void afterPrepare(String database) {
        event("prepared:" + database);
        if (PREPARED.incrementAndGet() == 1 && point == CrashPoint.AFTER_FIRST_PREPARE) {
            awaitKill();
        }
    }

    static void beforeCommit(String database) {
        if (COMMITTED.get() == 0 && point == CrashPoint.AFTER_BOTH_PREPARED) {
            if (PREPARED.get() != 2) {
                throw new IllegalStateException("commit before both prepared: " + EVENTS);
            }
            awaitKill();
        }
    }

    static void afterCommit(String database, boolean onePhase) {
        event((onePhase ? "committed-1pc:" : "committed:") + database);
        if (COMMITTED.incrementAndGet() == 1 && point == CrashPoint.AFTER_FIRST_COMMIT) {
            awaitKill();
        }
    }

    private static void event(String event) {
        synchronized (EVENTS) {
            EVENTS.append(EVENTS.length() == 0 ? "" : ",").append(event);
        }
    }

    /** What the resources did so far, e.g. {@code prepared:postgresql,prepared:mariadb}. */
    static String events() {
        return EVENTS.toString();
    }

    private static void awaitKill() {
        System.out.println(READY + " " + point + " " + events());
        System.out.flush();
        try {
            new CountDownLatch(1).await(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("not killed within " + KILL_WAIT_SECONDS + " s: halting");
        Runtime.getRuntime().halt(3);
    }
}
