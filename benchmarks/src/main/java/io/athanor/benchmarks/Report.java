package io.athanor.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The ratios of a run against the targets. Every figure is turned into a cost (time, bytes,
 * or seconds per commit for throughput), so that both ratios read the same way:
 * Athanor/JDBC above 1 means Athanor is slower than the floor, Hibernate/Athanor above 1 means
 * Athanor is faster (or smaller) than Hibernate.
 */
final class Report {
    /** A measured figure: the score as JMH gave it and whether higher is better. */
    record Figure(double score, double error, String unit, boolean higherIsBetter) {
        double cost() {
            return higherIsBetter ? 1 / score : score;
        }

        String text() {
            String value = score >= 100 ? String.format(Locale.ROOT, "%,.0f", score)
                    : String.format(Locale.ROOT, "%.3g", score);
            return value + " " + unit;
        }
    }

    /** One line of the table. */
    record Row(String id, String label, String db, Figure athanor, Figure jdbc, Figure hibernate, String target,
               String met) {
        Double athanorOverJdbc() {
            return athanor == null || jdbc == null ? null : athanor.cost() / jdbc.cost();
        }

        Double hibernateOverAthanor() {
            return athanor == null || hibernate == null ? null : hibernate.cost() / athanor.cost();
        }
    }

    private final Map<String, Figure> figures = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    Report(Collection<RunResult> results, List<String> dbs) {
        TreeSet<Integer> ns = new TreeSet<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String shortName = name.substring("io.athanor.benchmarks.".length());
            String db = r.getParams().getParam("db");
            String n = r.getParams().getParam("n");
            if (n != null) {
                ns.add(Integer.parseInt(n));
            }
            Result<?> primary = r.getPrimaryResult();
            boolean throughput = r.getParams().getMode() == Mode.Throughput;
            figures.put(key(shortName, db, n), new Figure(primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), throughput));
            Result<?> heap = r.getSecondaryResults().get(HeapProfiler.METRIC);
            if (heap != null) {
                figures.put(key(shortName + "#heap", db, n), new Figure(heap.getScore(), heap.getScoreError(),
                        heap.getScoreUnit(), false));
            }
        }
        for (String db : dbs) {
            build(db, ns);
        }
    }

    private static String key(String benchmark, String db, String n) {
        return benchmark + "|" + db + "|" + (n == null ? "" : n);
    }

    private Figure get(String benchmark, String db) {
        return figures.get(key(benchmark, db, null));
    }

    private static Figure cheaper(Figure a, Figure b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.cost() <= b.cost() ? a : b;
    }

    private void build(String db, TreeSet<Integer> ns) {
        Figure a1 = get("W1Insert.athanor", db);
        Figure j1 = cheaper(get("W1Insert.jdbcBatch", db), get("W1Insert.jdbcMultiRow", db));
        add("W1", "insert, vs Hibernate pooled SEQUENCE", db, a1, j1, get("W1Insert.hibernateSequence", db),
                "A/J <= 1.3 and H/A > 1", (aj, ha) -> aj <= 1.3 && ha > 1);
        add("W1", "insert, vs Hibernate IDENTITY", db, a1, j1, get("W1Insert.hibernateIdentity", db),
                "H/A >= 5", (aj, ha) -> ha >= 5);
        add("W2", "load into instances", db, get("W2Load.athanor", db), get("W2Load.jdbc", db),
                get("W2Load.hibernate", db), "A/J <= 1.5 and H/A > 1", (aj, ha) -> aj <= 1.5 && ha > 1);
        Integer middle = ns.isEmpty() ? null : new ArrayList<>(ns).get(ns.size() / 2);
        for (Integer n : ns) {
            String ns0 = n.toString();
            boolean target = n.equals(middle);
            add("W3", "flush 1,000 changes, N = " + String.format(Locale.ROOT, "%,d", n), db,
                    figures.get(key("W3Flush.athanor", db, ns0)), figures.get(key("W3Flush.jdbc", db, ns0)),
                    figures.get(key("W3Flush.hibernate", db, ns0)), target ? "H/A >= 5" : "",
                    target ? (aj, ha) -> ha >= 5 : null);
        }
        if (ns.size() > 1) {
            Figure small = figures.get(key("W3Flush.athanor", db, ns.first().toString()));
            Figure big = figures.get(key("W3Flush.athanor", db, ns.last().toString()));
            if (small != null && big != null) {
                double flat = big.cost() / small.cost();
                rows.add(new Row("W3", "flush flat in N: Athanor N = " + String.format(Locale.ROOT, "%,d", ns.last())
                        + " / N = " + String.format(Locale.ROOT, "%,d", ns.first()), db, big, null, null,
                        "<= 1.5", verdict(flat <= 1.5, flat)));
            }
        }
        Figure hit = get("W4Get.athanorHit", db);
        rows.add(new Row("W4", "get, identity-map hit", db, hit, null, get("W4Get.hibernateHit", db), "A < 100 ns",
                hit == null ? "not run" : verdict(hit.score() < 100, hit.score())));
        add("W4", "get, 10,000 misses", db, get("W4Get.athanorMisses", db), get("W4Get.jdbcMisses", db),
                get("W4Get.hibernateMisses", db), "", null);
        add("W5", "1,000 parents x 10 children, selectin (H: batch fetch 500)", db, get("W5Relations.athanorSelectin", db),
                get("W5Relations.jdbcSelectin", db), get("W5Relations.hibernateBatch", db), "A/J <= 1.5",
                (aj, ha) -> aj <= 1.5);
        add("W5", "1,000 parents x 10 children, joined (H: join fetch)", db, get("W5Relations.athanorJoined", db),
                get("W5Relations.jdbcJoined", db), get("W5Relations.hibernateJoinFetch", db), "A/J <= 1.5",
                (aj, ha) -> aj <= 1.5);
        for (String threads : List.of("OneThread", "TwoThreads")) {
            add("W6", "request cycle, " + (threads.equals("OneThread") ? "1 thread" : "2 threads"), db,
                    get("W6RequestCycle.athanor" + threads, db), get("W6RequestCycle.jdbc" + threads, db),
                    get("W6RequestCycle.hibernate" + threads, db), "H/A > 1", (aj, ha) -> ha > 1);
        }
        add("W7", "heap per loaded instance", db, get("W7Heap.athanor#heap", db), get("W7Heap.jdbc#heap", db),
                get("W7Heap.hibernate#heap", db), "H/A > 1", (aj, ha) -> ha > 1);
        // issue 9: the Athanor column is MutableDict changed in place, the JDBC column a re-assigned copy
        add("W8", "JSON map, 100 of 10,000 changed, flush: A = MutableDict in place, J = re-assigned copy", db,
                get("W8MutableJson.trackedFlush", db), get("W8MutableJson.copiedFlush", db), null, "", null);
        add("W8", "JSON map, load 10,000 + change 100 + flush: A = MutableDict, J = re-assigned copy", db,
                get("W8MutableJson.trackedCycle", db), get("W8MutableJson.copiedCycle", db), null, "", null);
        // issue 10: the Athanor column is 200 AsyncSessions, the JDBC column Session on 10 threads
        add("W9", "200 sessions x 5 get/update/commit, pool of 10: A = AsyncSession, J = Session on 10 threads", db,
                get("W9AsyncSessions.async", db), get("W9AsyncSessions.syncTenThreads", db), null, "", null);
        // issue 17: polymorphic loads of three subclasses; "base" reads the base columns only (no Hibernate
        // equivalent: its polymorphic query loads every column), "every column" reads the subclass columns too
        for (String strategy : List.of("SingleTable", "Joined")) {
            String name = strategy.equals("Joined") ? "joined" : "single-table";
            String w10 = "W10" + strategy + ".";
            add("W10", name + " polymorphic load, base columns: A = select(base), J = one query", db,
                    get(w10 + "athanorBase", db), get(w10 + "jdbcBase", db), null, "A/J <= 1.5",
                    (aj, ha) -> aj <= 1.5);
            add("W10", name + " load, every column: A = 3 subclass queries, J = one query"
                    + (strategy.equals("Joined") ? " (LEFT JOINs)" : "") + ", H = polymorphic query", db,
                    get(w10 + "athanorFull", db), get(w10 + "jdbcFull", db), get(w10 + "hibernate", db),
                    "A/J <= 1.5 and H/A > 1", (aj, ha) -> aj <= 1.5 && ha > 1);
        }
    }

    /** The test of a target on (Athanor/JDBC, Hibernate/Athanor). */
    interface Target {
        boolean met(double athanorOverJdbc, double hibernateOverAthanor);
    }

    private void add(String id, String label, String db, Figure a, Figure j, Figure h, String target, Target test) {
        if (a == null && j == null && h == null) {
            return;
        }
        Row row = new Row(id, label, db, a, j, h, target, "");
        String met = "";
        if (test != null) {
            Double aj = row.athanorOverJdbc();
            Double ha = row.hibernateOverAthanor();
            met = test.met(aj == null ? 1 : aj, ha == null ? Double.POSITIVE_INFINITY : ha) ? "yes" : "**no**";
        }
        rows.add(new Row(id, label, db, a, j, h, target, met));
    }

    private static String verdict(boolean ok, double value) {
        return (ok ? "yes" : "**no**") + String.format(Locale.ROOT, " (%.2f)", value);
    }

    List<Row> rows() {
        return rows;
    }

    String markdown(String mode, String machine) {
        StringBuilder s = new StringBuilder("# Athanor benchmarks (" + mode + " mode)\n\n");
        if (mode.equals("quick")) {
            s.append("Quick mode: tiny sizes, one shot, no fork. A smoke run; these figures mean nothing.\n\n");
        }
        s.append(machine).append('\n');
        s.append("A = Athanor, J = the plain-JDBC floor (for W1 the faster of a JDBC batch and multi-row "
                + "INSERT ... RETURNING), H = Hibernate ORM. Ratios compare costs (time, bytes, or time per "
                + "commit for throughput): A/J above 1 means Athanor is slower than the floor; H/A above 1 means "
                + "Athanor is faster or smaller than Hibernate.\n\n");
        s.append("| id | case | db | Athanor | JDBC | Hibernate | A/J | H/A | target | met |\n");
        s.append("|---|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            s.append("| ").append(r.id()).append(" | ").append(r.label()).append(" | ").append(r.db()).append(" | ")
                    .append(text(r.athanor())).append(" | ").append(text(r.jdbc())).append(" | ")
                    .append(text(r.hibernate())).append(" | ").append(ratio(r.athanorOverJdbc())).append(" | ")
                    .append(ratio(r.hibernateOverAthanor())).append(" | ").append(r.target()).append(" | ")
                    .append(r.met()).append(" |\n");
        }
        return s.toString();
    }

    private static String text(Figure f) {
        return f == null ? "" : f.text();
    }

    private static String ratio(Double r) {
        return r == null ? "" : String.format(Locale.ROOT, "%.2f", r);
    }
}
