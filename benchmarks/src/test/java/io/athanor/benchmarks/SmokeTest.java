package io.athanor.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.testsupport.Databases;
import io.athanor.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark once in quick mode on the selected databases, so that none of them rots:
 * each benchmark checks its own results (keys, counts, rows written) and a failure fails the run.
 * The figures are not asserted.
 */
class SmokeTest {
    @Test
    void everyBenchmarkRunsOnce() throws Exception {
        List<String> dbs = Databases.selected().stream().map(TestDatabase::id).toList();
        Path out = Path.of(System.getProperty("bench.results", "target/bench-smoke"));
        Path table = Suite.run("quick", dbs, "W", out);
        String markdown = Files.readString(table);
        System.out.println(markdown);
        for (String db : dbs) {
            for (String id : List.of("W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10")) {
                assertTrue(markdown.contains("| " + id + " | ") && markdown.contains(" | " + db + " | "),
                        id + " on " + db + " is missing from the table:\n" + markdown);
            }
        }
        assertTrue(Files.size(out.resolve("jmh-quick.json")) > 0);
        assertTrue(Files.readString(out.resolve("chart-quick.svg")).startsWith("<svg"));
    }
}
