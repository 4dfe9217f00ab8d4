package io.athanor.benchmarks;

import static io.athanor.sql.Sql.select;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.benchmarks.model.CopiedDoc;
import io.athanor.benchmarks.model.TrackedDoc;
import io.athanor.ext.mutable.MutableDict;
import io.athanor.mapping.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W8 (issue 9): {@code docs} instances with a JSON map, of which every 100th ({@code docs / 100})
 * has one key changed, then a flush. {@code tracked*}: {@code MutableDict} changed in place
 * ({@code d.data.put(k, v)}, tracked by ext-modules/mutable). {@code copied*}: a plain map, changed
 * by assigning a modified copy ({@code d.data = copy}), which needs no tracking. {@code *Cycle}:
 * open, load all, change, flush, roll back (so every operation writes the same rows);
 * {@code *Flush}: only the change and the flush, the instances loaded (and the rollback done)
 * outside the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class W8MutableJson {
    static final Registry REGISTRY = Registry.of(TrackedDoc.class, CopiedDoc.class);
    /** One instance in this many is changed. */
    static final int EVERY = 100;

    @Param({"h2", "postgresql", "mariadb"})
    public String db;
    @Param({"10000"})
    public int docs;

    SessionMaker sessions;

    @Setup(Level.Trial)
    public void fill() {
        Stack stack = Stack.of(db);
        REGISTRY.dropAll(stack.engine());
        REGISTRY.createAll(stack.engine());
        sessions = SessionMaker.builder(REGISTRY).bind(stack.engine()).build();
        sessions.transaction(s -> {
            List<Object> all = new ArrayList<>(2 * docs);
            for (int i = 0; i < docs; i++) {
                all.add(new TrackedDoc("doc" + i, new MutableDict<>(document(i))));
                all.add(new CopiedDoc("doc" + i, document(i)));
            }
            s.addAll(all);
        });
        // the flushes write exactly docs / 100 rows (checked once, outside the measurement)
        try (Session s = sessions.open()) {
            changeTracked(s.scalars(select(TrackedDoc.class)).all());
            Check.that(s.getDirty().size() == docs / EVERY, "tracked: " + s.getDirty().size() + " dirty");
            s.rollback();
            changeCopied(s.scalars(select(CopiedDoc.class)).all());
            Check.that(s.getDirty().size() == docs / EVERY, "copied: " + s.getDirty().size() + " dirty");
            s.rollback();
        }
    }

    private static Map<String, Object> document(int i) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("n", i);
        d.put("name", "doc" + i);
        d.put("tags", List.of("a", "b"));
        return d;
    }

    static int changeTracked(List<TrackedDoc> all) {
        int changed = 0;
        for (int i = 0; i < all.size(); i += EVERY) {
            all.get(i).data.put("n", -i);
            changed++;
        }
        return changed;
    }

    static int changeCopied(List<CopiedDoc> all) {
        int changed = 0;
        for (int i = 0; i < all.size(); i += EVERY) {
            CopiedDoc d = all.get(i);
            Map<String, Object> copy = new LinkedHashMap<>(d.data);
            copy.put("n", -i);
            d.data = copy;
            changed++;
        }
        return changed;
    }

    // ---- whole cycle: load, change, flush ---------------------------------------------------

    @Benchmark
    public int trackedCycle() {
        try (Session s = sessions.open()) {
            int n = changeTracked(s.scalars(select(TrackedDoc.class)).all());
            s.flush();
            s.rollback();
            return n;
        }
    }

    @Benchmark
    public int copiedCycle() {
        try (Session s = sessions.open()) {
            int n = changeCopied(s.scalars(select(CopiedDoc.class)).all());
            s.flush();
            s.rollback();
            return n;
        }
    }

    // ---- change and flush only ---------------------------------------------------------------

    /** A session holding every instance of one class, loaded before each operation. */
    @State(Scope.Thread)
    public static class Loaded {
        Session session;
        List<TrackedDoc> tracked;
        List<CopiedDoc> copied;

        @Setup(Level.Invocation)
        public void load(W8MutableJson w, org.openjdk.jmh.infra.BenchmarkParams params) {
            session = w.sessions.open();
            if (params.getBenchmark().endsWith("trackedFlush")) {
                tracked = session.scalars(select(TrackedDoc.class)).all();
            } else {
                copied = session.scalars(select(CopiedDoc.class)).all();
            }
        }

        @TearDown(Level.Invocation)
        public void close() {
            session.rollback();
            session.close();
            tracked = null;
            copied = null;
        }
    }

    @Benchmark
    public int trackedFlush(Loaded l) {
        int n = changeTracked(l.tracked);
        l.session.flush();
        return n;
    }

    @Benchmark
    public int copiedFlush(Loaded l) {
        int n = changeCopied(l.copied);
        l.session.flush();
        return n;
    }
}
