package io.athanor.reliability.xa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.athanor.Engine;
import io.athanor.mapping.Registry;
import io.athanor.reliability.xa.model.XaItem;
import io.athanor.reliability.xa.model.XaLedger;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Databases;
import io.athanor.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * XA crash recovery across PostgreSQL and MariaDB. Each trial forks a JVM ({@link XaCrashMain}
 * {@code transfer}) that writes one row to each database in one JTA transaction and stops inside
 * Narayana's two-phase commit at a {@link CrashPoint}; the test kills it with SIGKILL, checks that the
 * databases hold what that point implies (prepared branches, the first commit), then starts a second
 * JVM ({@code recover}) on the same object store and node identifier, whose recovery manager must
 * resolve everything: afterwards both rows exist or neither does (as the point implies), no prepared
 * branch of the node is left on either database and no transaction log is left in the object store.
 *
 * <p>{@code -Dathanor.xa.trials} (default 30) trials cycle through the kill points,
 * {@code -Dathanor.xa.parallel} (default 2) at a time, each with its own object store, node identifier
 * and row name. Outcomes and timings go to stdout and {@code target/xa-crash/report.txt}.
 */
class XaCrashRecoveryTest {
    private static final long READY_SECONDS = 60;
    private static final long KILL_SECONDS = 30;
    private static final int RECOVER_SECONDS = 60;

    private static final String RUN = runToken();
    private static final Path ROOT = Path.of("target", "xa-crash", RUN).toAbsolutePath();

    private static DatabaseHandle pg;
    private static DatabaseHandle maria;

    @BeforeAll
    static void databases() throws SQLException {
        pg = Databases.get(TestDatabase.POSTGRESQL);
        maria = Databases.get(TestDatabase.MARIADB);
        try (Connection c = pg.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("show max_prepared_transactions")) {
            rs.next();
            assertTrue(rs.getInt(1) > 0, "PostgreSQL needs max_prepared_transactions > 0 for XA; this module "
                    + "uses the embedded server (configured with 20) unless -Dathanor.test.embedded says otherwise");
        }
        Registry registry = Registry.of(XaItem.class, XaLedger.class);
        try (Engine e = Engine.of(pg.dataSource())) {
            registry.createAll(e);
        }
        try (Engine e = Engine.of(maria.dataSource())) {
            registry.createAll(e);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void withoutACrashBothRowsCommit() throws Exception {
        String name = "control-" + RUN;
        XaCrashMain.Args args = args("transfer", "xc" + RUN, name, CrashPoint.NONE, false);
        try (ChildJvm child = ChildJvm.start(args, ROOT.resolve("control"))) {
            String line = child.awaitLine(XaCrashMain.COMMITTED, READY_SECONDS);
            assertNotNull(line, "the transfer did not report its commit; see " + ROOT.resolve("control"));
            assertEquals(0, child.awaitExit(KILL_SECONDS));
            List<String> events = new ArrayList<>(List.of(line.substring(line.lastIndexOf(' ') + 1).split(",")));
            events.sort(null);
            assertEquals(List.of("committed:mariadb", "committed:postgresql", "prepared:mariadb",
                    "prepared:postgresql"), events, "one two-phase commit over both databases: " + line);
        }
        assertEquals(1, rows(pg, "xa_items", "name", name));
        assertEquals(1, rows(maria, "xa_ledger", "entry", name));
        assertEquals("", XaCrashMain.inDoubt(args));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void sigkillInsideTwoPhaseCommitRecoversToBothRowsOrNeither() throws Exception {
        int trials = Integer.getInteger("athanor.xa.trials", 30);
        int parallel = Math.max(1, Integer.getInteger("athanor.xa.parallel", 2));
        CrashPoint[] points = CrashPoint.killPoints();
        long start = System.nanoTime();
        List<Future<Outcome>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            for (int i = 0; i < trials; i++) {
                int trial = i;
                CrashPoint point = points[i % points.length];
                boolean mariadbFirst = (i / points.length) % 2 == 1;
                futures.add(pool.submit(() -> trial(trial, point, mariadbFirst)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            String report = report(outcomes, (System.nanoTime() - start) / 1_000_000, parallel);
            System.out.println(report);
            Files.writeString(ROOT.resolve("report.txt"), report);
            List<String> failures = outcomes.stream().filter(o -> !o.failures.isEmpty())
                    .map(o -> "trial " + o.trial + " (" + o.point + "): " + String.join("; ", o.failures)).toList();
            if (!failures.isEmpty()) {
                fail(failures.size() + " of " + trials + " trials failed (logs under " + ROOT + "):\n"
                        + String.join("\n", failures));
            }
        } finally {
            pool.shutdownNow();
        }
        // Nothing of this run is left in doubt anywhere, whatever node it came from.
        try (Connection c = pg.dataSource().getConnection()) {
            assertEquals(List.of(), InDoubt.postgresql(c, "xa" + RUN), "prepared on PostgreSQL");
        }
        try (Connection c = maria.dataSource().getConnection()) {
            assertEquals(List.of(), InDoubt.mariadb(c, "xa" + RUN), "prepared on MariaDB");
        }
    }

    /** What one trial saw; {@link #failures} is empty when every check held. */
    static final class Outcome {
        final int trial;
        final CrashPoint point;
        final List<String> failures = new ArrayList<>();
        String events = "";
        long readyMillis;
        long recoverMillis;
        int scans;
        boolean bothRows;
        boolean noRows;

        Outcome(int trial, CrashPoint point) {
            this.trial = trial;
            this.point = point;
        }

        void check(boolean ok, String failure) {
            if (!ok) {
                failures.add(failure);
            }
        }
    }

    private static Outcome trial(int trial, CrashPoint point, boolean mariadbFirst) {
        Outcome o = new Outcome(trial, point);
        String name = "t" + trial + "-" + RUN;
        XaCrashMain.Args args = args("transfer", "xa" + RUN + String.format(Locale.ROOT, "-%03d", trial), name, point,
                mariadbFirst);
        Path dir = ROOT.resolve("trial-" + trial);
        try {
            // 1. the transfer, stopped inside two-phase commit and killed with SIGKILL
            try (ChildJvm child = ChildJvm.start(args, dir)) {
                String ready = child.awaitLine(CrashHook.READY, READY_SECONDS);
                if (ready == null) {
                    o.check(false, "the transfer never reached " + point + " (exit " + child.awaitExit(5)
                            + "); see " + dir);
                    return o;
                }
                o.readyMillis = child.millisSinceStart();
                o.events = ready.substring(ready.lastIndexOf(' ') + 1);
                o.check(o.events.startsWith(mariadbFirst ? "prepared:mariadb" : "prepared:postgresql"),
                        "two-phase commit did not begin with the database enlisted first: " + o.events);
                int exit = child.kill(KILL_SECONDS);
                o.check(exit == 137, "the transfer exited with " + exit + ", not 137 (SIGKILL)");
            }
            // 2. the databases hold what the kill point implies
            atKill(o, args);
            // 3. the restarted application's recovery
            long recoverStart = System.nanoTime();
            try (ChildJvm recovery = ChildJvm.start(args.withMode("recover"), dir)) {
                String done = recovery.awaitLine(XaCrashMain.RECOVERED, RECOVER_SECONDS + 30);
                Integer exit = recovery.awaitExit(KILL_SECONDS);
                o.recoverMillis = (System.nanoTime() - recoverStart) / 1_000_000;
                o.check(done != null && Integer.valueOf(0).equals(exit),
                        "recovery did not finish (exit " + exit + "); see " + dir.resolve("recover.out"));
                if (done != null) {
                    o.scans = Integer.parseInt(done.replaceAll(".*scans=(\\d+).*", "$1"));
                }
            }
            // 4. both rows or neither, as the point implies; nothing in doubt
            int items = rows(pg, "xa_items", "name", name);
            int ledger = rows(maria, "xa_ledger", "entry", name);
            o.bothRows = items == 1 && ledger == 1;
            o.noRows = items == 0 && ledger == 0;
            o.check(o.bothRows || o.noRows, "half-written: PostgreSQL " + items + " row(s), MariaDB " + ledger);
            o.check(point.expectsBothRows() ? o.bothRows : o.noRows, "expected " + (point.expectsBothRows()
                    ? "both rows" : "neither row") + ", found PostgreSQL " + items + ", MariaDB " + ledger);
            String left = XaCrashMain.inDoubt(args);
            o.check(left.isEmpty(), "still in doubt after recovery: " + left);
        } catch (Exception | AssertionError e) {
            o.check(false, e.toString());
        }
        return o;
    }

    /** Checks that the kill happened where the point says: prepared branches and rows before recovery. */
    private static void atKill(Outcome o, XaCrashMain.Args args) throws SQLException {
        String name = args.name();
        int items = rows(pg, "xa_items", "name", name);
        int ledger = rows(maria, "xa_ledger", "entry", name);
        int pgPrepared;
        int mariaPrepared;
        try (Connection c = pg.dataSource().getConnection()) {
            pgPrepared = InDoubt.postgresql(c, args.node()).size();
        }
        try (Connection c = maria.dataSource().getConnection()) {
            mariaPrepared = InDoubt.mariadb(c, args.node()).size();
        }
        String seen = "at the kill: rows " + items + "/" + ledger + ", prepared " + pgPrepared + "/" + mariaPrepared
                + " (PostgreSQL/MariaDB), events " + o.events;
        switch (o.point) {
            case AFTER_FIRST_PREPARE -> o.check(items == 0 && ledger == 0 && pgPrepared + mariaPrepared == 1
                    && !o.events.contains("committed"), seen);
            case AFTER_BOTH_PREPARED -> o.check(items == 0 && ledger == 0 && pgPrepared == 1 && mariaPrepared == 1
                    && !o.events.contains("committed"), seen);
            case AFTER_FIRST_COMMIT -> {
                boolean pgFirst = o.events.contains("committed:postgresql");
                o.check(pgFirst
                        ? items == 1 && pgPrepared == 0 && ledger == 0 && mariaPrepared == 1
                        : ledger == 1 && mariaPrepared == 0 && items == 0 && pgPrepared == 1, seen);
            }
            default -> o.check(false, "not a kill point: " + o.point);
        }
    }

    private static XaCrashMain.Args args(String mode, String node, String name, CrashPoint point,
                                         boolean mariadbFirst) {
        return new XaCrashMain.Args(mode, ROOT.resolve("store-" + node), node, name, point, mariadbFirst,
                pg.jdbcUrl(), pg.properties(), maria.jdbcUrl(), maria.properties(), RECOVER_SECONDS,
                Integer.getInteger("athanor.xa.orphan-safety-ms", 0));
    }

    private static int rows(DatabaseHandle db, String table, String column, String value) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String report(List<Outcome> outcomes, long wallMillis, int parallel) throws IOException {
        Files.createDirectories(ROOT);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "[athanor-xa] %d crash trials in %.1f s (%d at a time); "
                + "PostgreSQL: %s; MariaDB: %s%n", outcomes.size(), wallMillis / 1000.0, parallel,
                pg.description(), maria.description()));
        Map<CrashPoint, List<Outcome>> byPoint = new EnumMap<>(CrashPoint.class);
        for (Outcome o : outcomes) {
            byPoint.computeIfAbsent(o.point, p -> new ArrayList<>()).add(o);
        }
        for (Map.Entry<CrashPoint, List<Outcome>> e : byPoint.entrySet()) {
            List<Outcome> list = e.getValue();
            long both = list.stream().filter(o -> o.bothRows).count();
            long neither = list.stream().filter(o -> o.noRows).count();
            long failed = list.stream().filter(o -> !o.failures.isEmpty()).count();
            long mariaFirst = list.stream().filter(o -> o.events.startsWith("prepared:mariadb")).count();
            sb.append(String.format(Locale.ROOT, "[athanor-xa]   %-20s trials %2d: both rows %2d, neither %2d, "
                            + "failed %d; until kill avg %4d ms; recovery JVM avg %4d ms (max %4d), scans avg %.1f; "
                            + "MariaDB first in %d%n",
                    e.getKey(), list.size(), both, neither, failed,
                    (long) list.stream().mapToLong(o -> o.readyMillis).average().orElse(0),
                    (long) list.stream().mapToLong(o -> o.recoverMillis).average().orElse(0),
                    list.stream().mapToLong(o -> o.recoverMillis).max().orElse(0),
                    list.stream().mapToInt(o -> o.scans).average().orElse(0), mariaFirst));
        }
        return sb.toString();
    }

    private static String runToken() {
        String s = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
        return s.substring(0, 6).toLowerCase(Locale.ROOT);
    }
}
