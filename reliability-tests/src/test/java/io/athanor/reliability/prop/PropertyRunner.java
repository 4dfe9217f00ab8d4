package io.athanor.reliability.prop;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small property runner for JUnit 5 tests: draws values from seeded generators, checks each, and
 * on the first failure shrinks the value (see {@link Shrink}) and fails with the minimal value and
 * the seed that reproduces it.
 *
 * <p>Seeds: try {@code 0} uses the base seed, each later try the next {@code long} of a
 * {@link SplittableRandom} seeded with it. The base seed is {@value #SEED_PROPERTY} when set, else
 * random. A failure reports the seed of the failing try, so
 * {@code -Dathanor.reliability.seed=N} makes that case the first one run.
 *
 * <p>Tries stop at {@link Settings#tries()} or when {@link Settings#budget()} has passed; the run
 * fails when the budget left fewer than {@link Settings#minTries()} tries run.
 */
public final class PropertyRunner {
    /** The system property fixing the base seed. */
    public static final String SEED_PROPERTY = "athanor.reliability.seed";

    private PropertyRunner() {
    }

    /** A check of one value; any {@link Throwable} is a failure. */
    @FunctionalInterface
    public interface Property<T> {
        void check(T value) throws Throwable;
    }

    /**
     * @param name       what the report calls the property
     * @param tries      values to check
     * @param minTries   the fewest tries that must run before the budget ends them
     * @param budget     time after which no new try starts
     * @param maxShrinks the most candidates shrinking tries
     * @param shrinkBudget time after which shrinking stops with the smallest failing value so far
     */
    public record Settings(String name, int tries, int minTries, Duration budget, int maxShrinks, Duration shrinkBudget) {
        public static Settings of(String name, int tries) {
            return new Settings(name, tries, tries, Duration.ofHours(24), 2_000, Duration.ofMinutes(2));
        }

        public Settings withBudget(Duration budget, int minTries) {
            return new Settings(name, tries, Math.min(minTries, tries), budget, maxShrinks, shrinkBudget);
        }
    }

    /** What a passing run did. */
    public record Report(String name, long seed, int tries, Duration elapsed) {
        @Override
        public String toString() {
            return "[reliability] " + name + ": " + tries + " tries in " + elapsed.toMillis() / 1000.0 + " s (base seed "
                    + seed + ")";
        }
    }

    /** The base seed: {@value #SEED_PROPERTY} when set, else a random one. */
    public static long baseSeed() {
        String fixed = System.getProperty(SEED_PROPERTY);
        if (fixed != null && !fixed.isBlank()) {
            return Long.parseLong(fixed.trim());
        }
        return ThreadLocalRandom.current().nextLong();
    }

    /** Runs the property; prints and returns the report, or throws the shrunk failure. */
    public static <T> Report check(Settings settings, Gen<T> gen, Shrink<T> shrink, Property<T> property) {
        long base = baseSeed();
        SplittableRandom seeds = new SplittableRandom(base);
        long start = System.nanoTime();
        long deadline = start + settings.budget().toNanos();
        int run = 0;
        for (int i = 0; i < settings.tries(); i++) {
            if (System.nanoTime() > deadline) {
                break;
            }
            long seed = i == 0 ? base : seeds.nextLong();
            T value = gen.next(new SplittableRandom(seed));
            Throwable failure = failureOf(property, value);
            if (failure != null) {
                throw shrunk(settings, shrink, property, base, i, seed, value, failure);
            }
            run++;
        }
        Report report = new Report(settings.name(), base, run, Duration.ofNanos(System.nanoTime() - start));
        System.out.println(report);
        if (run < settings.minTries()) {
            throw new AssertionError(settings.name() + ": only " + run + " of at least " + settings.minTries()
                    + " tries ran within the budget of " + settings.budget().toSeconds() + " s (base seed " + base + ")");
        }
        return report;
    }

    private static <T> Throwable failureOf(Property<T> property, T value) {
        try {
            property.check(value);
            return null;
        } catch (StackOverflowError e) {
            return e;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return e;
        }
    }

    /** Greedy delta debugging: adopt the first candidate failing the same way, until none does or a bound is hit. */
    private static <T> AssertionError shrunk(Settings settings, Shrink<T> shrink, Property<T> property, long base,
                                             int tryIndex, long seed, T original, Throwable originalFailure) {
        T smallest = original;
        Throwable failure = originalFailure;
        long deadline = System.nanoTime() + settings.shrinkBudget().toNanos();
        int attempts = 0;
        int steps = 0;
        boolean exhausted = false;
        search:
        while (true) {
            List<T> candidates = shrink.candidates(smallest);
            for (T candidate : candidates) {
                if (attempts >= settings.maxShrinks() || System.nanoTime() > deadline) {
                    exhausted = true;
                    break search;
                }
                attempts++;
                Throwable f = failureOf(property, candidate);
                if (f != null && f.getClass() == originalFailure.getClass()) {
                    smallest = candidate;
                    failure = f;
                    steps++;
                    continue search;
                }
            }
            break;
        }
        String message = settings.name() + " failed on try " + (tryIndex + 1) + " with seed " + seed
                + " (base seed " + base + ")\n"
                + "  minimal value (" + steps + " shrink steps, " + attempts + " candidates tried"
                + (exhausted ? ", stopped at the shrink bound" : "") + "):\n    " + smallest + "\n"
                + "  original value:\n    " + original + "\n"
                + "  failure: " + failure + "\n"
                + "  reproduce with -D" + SEED_PROPERTY + "=" + seed + " (it becomes the first try)";
        AssertionError error = new AssertionError(message, failure);
        if (failure != originalFailure) {
            error.addSuppressed(originalFailure);
        }
        return error;
    }
}
