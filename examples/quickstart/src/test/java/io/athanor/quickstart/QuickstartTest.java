package io.athanor.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo runs and prints what the README promises. */
class QuickstartTest {
    @Test
    void demoPrintsEachStep() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "mapped: [Author] on H2",
                "pending -> persistent: ada has key 1, state persistent=true",
                "identity map: same instance on second get = true",
                "dirty: 1 instance, history of books = History[added=[2], unchanged=[], deleted=[1]]",
                "autoflushed query, books >= 2: [Ada Lovelace, Alan Turing, Grace Hopper]",
                "savepoint rolled back after IntegrityException (SQL state 23505); the outer transaction goes on",
                "after commit, expired attributes: 4; reading reloads: books=2, version=2",
                "text() with a bound parameter: 3 authors with two books or more",
                "done"), lines);
    }
}
