package io.athanor.reliability.prop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The runner itself: failures shrink to a minimal value, and a seed reproduces its value. */
class PropertyRunnerTest {
    static final Gen<List<Integer>> LISTS = Gen.ints(0, 9).list(0, 30);

    static Shrink<List<Integer>> shrink() {
        return Shrink.list(0, i -> i == 0 ? List.of() : List.of(0, i - 1));
    }

    @Test
    void aFailureShrinksToAMinimalSequence() {
        AssertionError e = assertThrows(AssertionError.class, () -> PropertyRunner.check(
                PropertyRunner.Settings.of("a 7 followed later by a 3", 5000), LISTS, shrink(), l -> {
                    int seven = l.indexOf(7);
                    assertTrue(seven < 0 || !l.subList(seven, l.size()).contains(3), "a 3 after a 7");
                }));
        assertTrue(e.getMessage().contains("minimal value") && e.getMessage().contains("\n    [7, 3]\n"), e.getMessage());
        assertTrue(e.getMessage().contains("-D" + PropertyRunner.SEED_PROPERTY + "="), e.getMessage());
    }

    @Test
    void shrinkingKeepsTheKindOfFailure() {
        AssertionError e = assertThrows(AssertionError.class, () -> PropertyRunner.check(
                // generated lists are never empty: only shrinking reaches the other failure, so a seed
                // whose first failing list is empty cannot make the run's own failure the other kind
                PropertyRunner.Settings.of("no 5", 5000), Gen.ints(0, 9).list(1, 30), shrink(), l -> {
                    if (l.isEmpty()) {
                        throw new IllegalStateException("another failure, which shrinking must not adopt");
                    }
                    assertTrue(!l.contains(5), "a 5");
                }));
        assertTrue(e.getMessage().contains("\n    [5]\n"), e.getMessage());
    }

    @Test
    void oneSeedGivesOneValue() {
        List<List<Integer>> a = new ArrayList<>();
        List<List<Integer>> b = new ArrayList<>();
        for (long seed = 0; seed < 50; seed++) {
            a.add(LISTS.next(new SplittableRandom(seed)));
            b.add(LISTS.next(new SplittableRandom(seed)));
        }
        assertEquals(a, b);
    }

    @Test
    void chunksGoBeforeSingleElements() {
        List<List<Integer>> candidates = shrink().candidates(List.of(1, 2, 3, 4));
        assertEquals(List.of(), candidates.get(0), "everything removed first");
        assertTrue(candidates.contains(List.of(3, 4)) && candidates.contains(List.of(1, 2, 4)));
        assertTrue(candidates.contains(List.of(0, 2, 3, 4)), "then elements simplified");
    }

    @Test
    void theBudgetFailsARunBelowTheMinimum() {
        AssertionError e = assertThrows(AssertionError.class, () -> PropertyRunner.check(
                PropertyRunner.Settings.of("slow", 100).withBudget(java.time.Duration.ofMillis(50), 100),
                LISTS, shrink(), l -> Thread.sleep(20)));
        assertTrue(e.getMessage().contains("tries ran within the budget"), e.getMessage());
    }
}
