package io.athanor.benchmarks;

/** The benchmarks' own correctness checks: a broken benchmark fails instead of measuring nonsense. */
public final class Check {
    private Check() {
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("benchmark check failed: " + message);
        }
    }
}
