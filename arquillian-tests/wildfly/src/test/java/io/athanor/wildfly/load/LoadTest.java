package io.athanor.wildfly.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.servers.setup.NeedsDatabases;
import io.athanor.servers.setup.TestDatabases;
import io.athanor.servers.support.Deployments;
import io.athanor.servers.support.Server;
import io.athanor.wildfly.load.app.LoadApplication;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Load on the booted WildFly: a JAX-RS resource injecting the request's {@code Session}, on the suite's XA data
 * source to PostgreSQL, called by 50 client threads for 20,000 requests (70% reads: get by id, a small query;
 * 30% writes: an atomic increment of a random counter, an insert through the unit of work), after a warm-up.
 * Every answer is 2xx and well-formed; afterwards no connection of the server's pool is in use, the counters
 * add up to the increments that answered and the table holds exactly the notes whose ids were answered. The
 * latency percentiles and throughput go to the log and to {@code target/load-report.txt}.
 * WildFly only: the pool check reads WildFly's data source statistics through its management API.
 */
@NeedsDatabases(postgresql = true)
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class LoadTest {
    private static final String DATA_SOURCE = "AthanorPg";
    private static final int COUNTERS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("athanor.packages", LoadApplication.class.getPackageName());
        config.put("athanor.datasource", Server.client().postgresXa);
        return Deployments.war("load", config, List.of(LoadApplication.class.getPackage()));
    }

    @ArquillianResource
    URL base;

    @ArquillianResource
    ManagementClient management;

    @Test
    void mixedReadsAndWritesFromManyClients() throws Exception {
        int requests = Integer.getInteger("athanor.load.requests", 20_000);
        int clients = Integer.getInteger("athanor.load.clients", 50);
        int warmUp = Integer.getInteger("athanor.load.warm-up", 2_000);
        long seed = Long.getLong("athanor.load.seed", System.nanoTime());
        String api = base + "api/load/";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<Long> counterIds = reset(http, api);
        LoadClients load = new LoadClients(http, api, counterIds);
        load.run(warmUp, clients, seed);
        LoadClients.Run run = load.run(requests, clients, seed + clients);

        Map<String, Long> pool = PoolStatistics.readIdle(management, DATA_SOURCE, 10_000);
        Rows rows = rows(counterIds);
        String report = report(run, clients, warmUp, seed, pool, load, rows);
        System.out.println(report);
        Path file = Path.of(System.getProperty("athanor.load.report", "target/load-report.txt"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);

        List<String> failures = new ArrayList<>(load.failures);
        assertTrue(failures.isEmpty(), failures.size() + " requests failed, the first ones:\n  "
                + failures.stream().limit(20).collect(Collectors.joining("\n  ")));
        assertEquals(0, pool.get("InUseCount"), "no connection leaked: " + pool);
        assertEquals(0, pool.get("BlockingFailureCount"), "no request failed to get a connection: " + pool);
        Map<Long, Integer> answered = new LinkedHashMap<>();
        load.increments.forEach((id, n) -> answered.put(id, n.get()));
        assertEquals(answered, rows.hits, "each counter holds the increments that answered");
        assertEquals(load.inserts.get(), rows.noteIds.size(), "as many notes as inserts answered");
        assertEquals(load.insertedIds, rows.noteIds, "the notes are those whose ids were answered");
    }

    private static List<Long> reset(HttpClient http, String api) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "reset?counters=" + COUNTERS))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        List<Long> ids = Arrays.stream(r.body().split(",")).map(Long::parseLong).toList();
        assertEquals(COUNTERS, ids.size(), r.body());
        return ids;
    }

    /** What the database holds after the run, read from the client JVM with plain JDBC. */
    record Rows(Map<Long, Integer> hits, Set<Long> noteIds) {
    }

    private static Rows rows(List<Long> counterIds) throws SQLException {
        TestDatabases.Database pg = TestDatabases.postgresql();
        String url = "jdbc:postgresql://" + pg.host + ":" + pg.port + "/" + pg.name;
        Map<Long, Integer> hits = new LinkedHashMap<>();
        Set<Long> notes = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
            Map<Long, Integer> all = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("select id, hits from load_counters")) {
                while (rs.next()) {
                    all.put(rs.getLong(1), rs.getInt(2));
                }
            }
            counterIds.forEach(id -> hits.put(id, all.get(id)));
            assertEquals(counterIds.size(), all.size(), "the counters, and only them: " + all.keySet());
            try (ResultSet rs = st.executeQuery("select id from load_notes")) {
                while (rs.next()) {
                    notes.add(rs.getLong(1));
                }
            }
        }
        return new Rows(hits, notes);
    }

    private static String report(LoadClients.Run run, int clients, int warmUp, long seed, Map<String, Long> pool,
            LoadClients load, Rows rows) {
        StringBuilder out = new StringBuilder();
        int requests = run.nanos().length;
        double seconds = run.wallNanos() / 1e9;
        out.append(String.format("Athanor load test on WildFly, JAX-RS + request-scoped Session, XA data source %s"
                + " (PostgreSQL)%n", DATA_SOURCE));
        out.append(String.format("%d clients, %d requests after %d of warm-up, %d available processors, seed %d%n",
                clients, requests, warmUp, Runtime.getRuntime().availableProcessors(), seed));
        out.append(String.format("wall %.1f s, throughput %.0f requests/s%n", seconds, requests / seconds));
        out.append(String.format("%-40s %7s %9s %9s %9s%n", "latency (ms)", "count", "p50", "p99", "max"));
        out.append(line("all", run.latencies(null)));
        for (Kind k : Kind.values()) {
            out.append(line(k.what + " (" + k.percent + "%)", run.latencies(k)));
        }
        out.append("server pool after the run: ").append(pool).append('\n');
        int increments = load.increments.values().stream().mapToInt(AtomicInteger::get).sum();
        out.append(String.format(
                "writes, warm-up included: %d increments answered, counters sum %d; %d inserts answered, %d rows%n",
                increments, rows.hits.values().stream().mapToInt(Integer::intValue).sum(), load.inserts.get(),
                rows.noteIds.size()));
        out.append(String.format("failed requests: %d%n", load.failures.size()));
        return out.toString();
    }

    private static String line(String name, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return String.format("%-40s %7d%n", name, 0);
        }
        return String.format("%-40s %7d %9.2f %9.2f %9.2f%n", name, sorted.length, percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
