package io.athanor.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Turns the heap figure a benchmark {@linkplain #record(double) records} during an iteration into a
 * JMH secondary result, so that it lands in the JMH JSON with the timings. Emits nothing for
 * benchmarks that record nothing.
 */
public final class HeapProfiler implements InternalProfiler {
    /** The secondary metric's name. */
    public static final String METRIC = "heap.bytesPerInstance";
    private static volatile double recorded = Double.NaN;

    /** Records bytes per instance for the running iteration. */
    static void record(double bytesPerInstance) {
        recorded = bytesPerInstance;
    }

    /** Used heap after full collections, once the figure has settled. */
    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(now - used) < 64 * 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }

    @Override
    public String getDescription() {
        return "heap retained per loaded instance (W7)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        recorded = Double.NaN;
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        double value = recorded;
        if (Double.isNaN(value)) {
            return List.of();
        }
        return List.of(new ScalarResult(METRIC, value, "B/instance", AggregationPolicy.AVG));
    }
}
