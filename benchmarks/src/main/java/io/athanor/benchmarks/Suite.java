package io.athanor.benchmarks;

import io.athanor.testsupport.Databases;
import io.athanor.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the whole suite in one JMH run and writes {@code jmh-<mode>.json}, {@code ratios-<mode>.md}
 * and {@code chart-<mode>.svg}. System properties: {@code bench.mode} ({@code quick}: small sizes,
 * one shot each, in this JVM, seconds; {@code full}: the sizes, forked, about 10 minutes a
 * database), {@code bench.databases} (default {@code h2,postgresql,mariadb}), {@code bench.include}
 * (a regex of benchmark names, default every workload), {@code bench.results} (the directory) and
 * {@code bench.prof} (a JMH profiler to add, e.g. {@code jfr}; full mode).
 */
public final class Suite {
    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("bench.mode", "quick").trim().toLowerCase(Locale.ROOT);
        List<String> dbs = Databases.parse(System.getProperty("bench.databases", Databases.DEFAULT_DATABASES))
                .stream().map(TestDatabase::id).toList();
        String include = System.getProperty("bench.include", "W").trim();
        Path out = Path.of(System.getProperty("bench.results", "benchmarks/results"));
        Path table = run(mode, dbs, include.isEmpty() ? "W" : include, out);
        System.out.println(Files.readString(table));
        System.exit(0);
    }

    /** Runs the suite and writes the results; returns the Markdown table's path. */
    public static Path run(String mode, List<String> dbs, String include, Path out)
            throws RunnerException, IOException {
        Files.createDirectories(out);
        Path json = out.resolve("jmh-" + mode + ".json");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("io\\.athanor\\.benchmarks\\.(?:" + include + ").*")
                .param("db", dbs.toArray(String[]::new))
                .addProfiler(HeapProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        switch (mode) {
            case "quick" -> options.forks(0)
                    .verbosity(VerboseMode.SILENT)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200))
                    .param("rows", "2000")
                    .param("n", "1000", "2000", "4000")
                    .param("changed", "100")
                    .param("misses", "200")
                    .param("requestRows", "200");
            // pre-touched heap: first-touch page faults are not charged to whichever benchmark allocates first
            case "full" -> options.jvmArgsAppend("-Xms4g", "-Xmx8g", "-XX:+AlwaysPreTouch",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            default -> throw new IllegalArgumentException("bench.mode must be quick or full, not '" + mode + "'");
        }
        String profiler = System.getProperty("bench.prof", "").trim();
        if (!profiler.isEmpty()) {
            options.addProfiler(profiler);
        }
        String loadBefore = Machine.loadAverage();
        Collection<RunResult> results = new Runner(options.build()).run();
        String machine = Machine.describe(dbs, loadBefore);
        Report report = new Report(results, dbs);
        Path table = out.resolve("ratios-" + mode + ".md");
        Files.writeString(table, report.markdown(mode, machine));
        Files.writeString(out.resolve("chart-" + mode + ".svg"), Chart.svg(report.rows(), mode));
        return table;
    }
}
