package io.athanor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.InstanceState;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.SessionTransaction;
import io.athanor.reliability.model.Rec;
import io.athanor.reliability.model.Schema;
import io.athanor.reliability.prop.Gen;
import io.athanor.reliability.prop.PropertyRunner;
import io.athanor.reliability.prop.Shrink;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Model-based testing of the session: random sequences of add, change, delete, flush, commit,
 * rollback, savepoint begin/commit/rollback, expire, refresh, merge and expunge run against the
 * session and against {@link Model}, a plain reference model of SQLAlchemy's rules. After every step
 * each instance's state ({@code Athanor.inspect}: status, identity, unloaded attributes, loaded
 * values), the session's new/deleted sets and transaction nesting, the rows the session's own
 * transaction sees, and the committed rows (read on a connection of their own, in auto-commit
 * mode so MariaDB's REPEATABLE READ takes a fresh snapshot per read) agree with the model. A failure
 * shrinks to a minimal sequence of actions (see {@link PropertyRunner}), reported with its seed.
 *
 * <p>Sequences per database: {@code reliability.model.tries} (the pom's); no new sequence starts
 * past {@code reliability.model.budget-seconds} per database, and the test fails if fewer than
 * {@code reliability.model.min-tries} ran by then. The counts run are printed.
 */
class ModelBasedTest {
    @BeforeAll
    static void quiet() {
        SqlCapture.silence();
    }

    @Test
    @OnDatabase(TestDatabase.H2)
    void h2() {
        property(TestDatabase.H2);
    }

    @Test
    @OnDatabase(TestDatabase.POSTGRESQL)
    void postgresql() {
        property(TestDatabase.POSTGRESQL);
    }

    @Test
    @OnDatabase(TestDatabase.MARIADB)
    void mariadb() {
        property(TestDatabase.MARIADB);
    }

    private void property(TestDatabase kind) {
        int tries = Integer.getInteger("reliability.model.tries", 2000);
        int minTries = Integer.getInteger("reliability.model.min-tries", 2000);
        long budget = Long.getLong("reliability.model.budget-seconds", 150);
        long[] steps = new long[1];
        PropertyRunner.Settings settings = PropertyRunner.Settings.of("model-based sequences on " + kind.id(), tries)
                .withBudget(Duration.ofSeconds(budget), minTries);
        PropertyRunner.Report report = PropertyRunner.check(settings, sequences(), shrinkSequence(),
                actions -> steps[0] += run(kind, actions));
        System.out.println("[reliability] model-based sequences on " + kind.id() + ": " + report.tries() + " run, "
                + steps[0] + " steps");
    }

    /** Sequences of 1 to 18 actions; refs pick among the instances made so far. */
    static Gen<List<Action>> sequences() {
        Gen<String> names = Gen.of("a", "b", "c", "d");
        Gen<Integer> refs = Gen.ints(0, 7);
        Gen<Action> action = Gen.<Action>frequency()
                .add(6, names.map(Add::new))
                .add(5, r -> new Change(refs.next(r), names.next(r)))
                .add(3, refs.map(Delete::new))
                .add(3, Gen.constant(new Flush()))
                .add(3, Gen.constant(new Commit()))
                .add(2, Gen.constant(new Rollback()))
                .add(3, Gen.constant(new BeginNested()))
                .add(2, Gen.constant(new CommitNested()))
                .add(2, Gen.constant(new RollbackNested()))
                .add(2, refs.map(Expire::new))
                .add(2, refs.map(Refresh::new))
                .add(2, r -> new Merge(refs.next(r), names.next(r)))
                .add(2, refs.map(Expunge::new));
        return action.list(1, 18);
    }

    /** Actions removed (chunks, then one by one), then refs lowered and names made "a". */
    static Shrink<List<Action>> shrinkSequence() {
        return Shrink.list(1, ModelBasedTest::simpler);
    }

    static List<Action> simpler(Action a) {
        List<Action> out = new ArrayList<>();
        if (a instanceof Add add && !add.name().equals("a")) {
            out.add(new Add("a"));
        } else if (a instanceof Change c) {
            lower(c.ref()).forEach(ref -> out.add(new Change(ref, c.name())));
            if (!c.name().equals("a")) {
                out.add(new Change(c.ref(), "a"));
            }
        } else if (a instanceof Merge m) {
            lower(m.ref()).forEach(ref -> out.add(new Merge(ref, m.name())));
            if (!m.name().equals("a")) {
                out.add(new Merge(m.ref(), "a"));
            }
        } else if (a instanceof Delete d) {
            lower(d.ref()).forEach(ref -> out.add(new Delete(ref)));
        } else if (a instanceof Expire e) {
            lower(e.ref()).forEach(ref -> out.add(new Expire(ref)));
        } else if (a instanceof Refresh f) {
            lower(f.ref()).forEach(ref -> out.add(new Refresh(ref)));
        } else if (a instanceof Expunge x) {
            lower(x.ref()).forEach(ref -> out.add(new Expunge(ref)));
        }
        return out;
    }

    private static List<Integer> lower(int ref) {
        return ref == 0 ? List.of() : ref == 1 ? List.of(0) : List.of(0, ref - 1);
    }

    // ---- running a sequence ------------------------------------------------------------------------

    /** Runs one sequence on a clean table and a new session; returns the steps run. */
    private static int run(TestDatabase kind, List<Action> actions) throws SQLException {
        DatabaseHandle db = Schema.handle(kind);
        Engine engine = Schema.engine(db);
        Schema.clean(engine, "rel_rec");
        SessionMaker sessions = Schema.sessions(engine);
        Model model = new Model();
        int step = 0;
        try (Connection observer = db.dataSource().getConnection(); Session session = sessions.open()) {
            observer.setAutoCommit(true);
            Runner runner = new Runner(session, model, observer);
            for (Action a : actions) {
                step++;
                a.apply(runner);
                runner.check("after step " + step + " " + a + " of " + actions);
            }
        }
        return step;
    }

    // ---- the actions: small data objects, so that the runner shrinks them and prints them readably --

    /** One step of a sequence; {@code ref} picks an instance made so far, modulo their number. */
    interface Action {
        void apply(Runner r) throws SQLException;
    }

    record Add(String name) implements Action {
        public void apply(Runner r) {
            r.add(name);
        }

        @Override
        public String toString() {
            return "add(" + name + ")";
        }
    }

    record Change(int ref, String name) implements Action {
        public void apply(Runner r) {
            r.change(ref, name);
        }

        @Override
        public String toString() {
            return "change(#" + ref + ", " + name + ")";
        }
    }

    record Delete(int ref) implements Action {
        public void apply(Runner r) {
            r.delete(ref);
        }

        @Override
        public String toString() {
            return "delete(#" + ref + ")";
        }
    }

    record Flush() implements Action {
        public void apply(Runner r) {
            r.flush();
        }

        @Override
        public String toString() {
            return "flush";
        }
    }

    record Commit() implements Action {
        public void apply(Runner r) {
            r.commit();
        }

        @Override
        public String toString() {
            return "commit";
        }
    }

    record Rollback() implements Action {
        public void apply(Runner r) {
            r.rollback();
        }

        @Override
        public String toString() {
            return "rollback";
        }
    }

    record BeginNested() implements Action {
        public void apply(Runner r) {
            r.beginNested();
        }

        @Override
        public String toString() {
            return "beginNested";
        }
    }

    record CommitNested() implements Action {
        public void apply(Runner r) {
            r.endNested(true);
        }

        @Override
        public String toString() {
            return "commitNested";
        }
    }

    record RollbackNested() implements Action {
        public void apply(Runner r) {
            r.endNested(false);
        }

        @Override
        public String toString() {
            return "rollbackNested";
        }
    }

    record Expire(int ref) implements Action {
        public void apply(Runner r) {
            r.expire(ref);
        }

        @Override
        public String toString() {
            return "expire(#" + ref + ")";
        }
    }

    record Refresh(int ref) implements Action {
        public void apply(Runner r) {
            r.refresh(ref);
        }

        @Override
        public String toString() {
            return "refresh(#" + ref + ")";
        }
    }

    record Merge(int ref, String name) implements Action {
        public void apply(Runner r) {
            r.merge(ref, name);
        }

        @Override
        public String toString() {
            return "merge(copy of #" + ref + " named " + name + ")";
        }
    }

    record Expunge(int ref) implements Action {
        public void apply(Runner r) {
            r.expunge(ref);
        }

        @Override
        public String toString() {
            return "expunge(#" + ref + ")";
        }
    }

    // ---- the reference model -----------------------------------------------------------------------

    enum St { TRANSIENT, PENDING, PERSISTENT, DELETED, DETACHED }

    /** Whether an attribute is loaded: after a same-value write SQLAlchemy and a careful engine may differ. */
    enum Load { LOADED, UNLOADED, EITHER }

    /** What the model knows of one instance. */
    static final class Obj {
        final Rec rec;
        final int index;
        St status = St.TRANSIENT;
        Long id;
        String value;
        Load idLoaded = Load.LOADED;
        Load nameLoaded = Load.LOADED;
        /**
         * Written since the last flush, load or expire with a value that differs from the loaded one (or onto an unloaded
         * attribute).
         */
        boolean dirty;
        /** Written since then with the value it already had only. */
        boolean sameWrite;
        boolean markedDeleted;

        Obj(Rec rec, int index) {
            this.rec = rec;
            this.index = index;
        }

        boolean inSession() {
            return status == St.PENDING || status == St.PERSISTENT || status == St.DELETED;
        }

        void expire() {
            idLoaded = Load.UNLOADED;
            nameLoaded = Load.UNLOADED;
            dirty = false;
            sameWrite = false;
        }

        @Override
        public String toString() {
            return "#" + index + "{" + status + (id == null ? "" : " id " + id) + ", " + value + (dirty ? ", dirty" : "")
                    + (markedDeleted ? ", marked deleted" : "") + ", id " + idLoaded + ", name " + nameLoaded + "}";
        }
    }

    /** One transaction of the model's tree: the rows at its start and what its flushes inserted, updated, deleted. */
    static final class Frame {
        final Map<Long, String> snapshot;
        final Set<Obj> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<Obj> updated = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<Obj> sameUpdated = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<Obj> deleted = Collections.newSetFromMap(new IdentityHashMap<>());

        Frame(Map<Long, String> snapshot) {
            this.snapshot = new TreeMap<>(snapshot);
        }
    }

    /** SQLAlchemy's rules, for one entity with a generated key and one value, and one session. */
    static final class Model {
        final List<Obj> objects = new ArrayList<>();
        final Map<Long, String> committed = new TreeMap<>();
        Map<Long, String> flushed = new TreeMap<>();
        /** Empty: no transaction; the first is the root, the others savepoints. */
        final Deque<Frame> frames = new ArrayDeque<>();

        boolean inTransaction() {
            return !frames.isEmpty();
        }

        void autobegin() {
            if (frames.isEmpty()) {
                frames.push(new Frame(committed));
                flushed = new TreeMap<>(committed);
            }
        }

        Obj find(int ref) {
            return objects.isEmpty() ? null : objects.get(ref % objects.size());
        }

        boolean hasWork() {
            for (Obj o : objects) {
                if (o.status == St.PENDING || (o.status == St.PERSISTENT && (o.dirty || o.sameWrite || o.markedDeleted))) {
                    return true;
                }
            }
            return false;
        }

        /** A flush (or autoflush); {@code ids} gives the keys the database generated. */
        void flush() {
            if (!hasWork()) {
                return;
            }
            autobegin();
            Frame top = frames.peek();
            for (Obj o : objects) {
                switch (o.status) {
                    case PENDING -> {
                        o.status = St.PERSISTENT;
                        Object key = Athanor.inspect(o.rec).identity(); // not o.rec.id: commit() may have expired it
                        o.id = key == null ? null : ((Number) key).longValue();
                        assertNotNull(o.id, "a generated key after the INSERT of " + o);
                        assertTrue(!flushed.containsKey(o.id), "a fresh key " + o.id);
                        flushed.put(o.id, o.value);
                        o.idLoaded = Load.LOADED;
                        o.nameLoaded = Load.LOADED;
                        o.dirty = false;
                        o.sameWrite = false;
                        top.inserted.add(o);
                    }
                    case PERSISTENT -> {
                        if (o.markedDeleted) {
                            o.status = St.DELETED;
                            o.markedDeleted = false;
                            flushed.remove(o.id);
                            top.deleted.add(o);
                            if (o.dirty) {
                                top.updated.add(o); // its modified flag survives the DELETE: a savepoint rollback expires it
                            } else if (o.sameWrite) {
                                top.sameUpdated.add(o);
                            }
                        } else if (o.dirty) {
                            flushed.put(o.id, o.value);
                            top.updated.add(o);
                        } else if (o.sameWrite) {
                            top.sameUpdated.add(o);
                        }
                        o.dirty = false;
                        o.sameWrite = false;
                    }
                    default -> {
                    }
                }
            }
        }

        void commit() {
            autobegin();
            flush();
            committed.clear();
            committed.putAll(flushed);
            for (Obj o : objects) {
                if (o.status == St.DELETED) {
                    o.status = St.DETACHED;
                } else if (o.status == St.PERSISTENT) {
                    o.expire();
                }
            }
            frames.clear();
        }

        void rollback() {
            if (frames.isEmpty()) {
                return;
            }
            Set<Obj> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Frame f : frames) {
                inserted.addAll(f.inserted);
            }
            flushed = new TreeMap<>(committed);
            for (Obj o : objects) {
                if (o.status == St.PENDING || inserted.contains(o)) {
                    toTransient(o);
                    continue;
                }
                if (o.status == St.DELETED) {
                    o.status = St.PERSISTENT;
                }
                o.markedDeleted = false;
                if (o.status == St.PERSISTENT) {
                    o.expire();
                }
            }
            frames.clear();
        }

        static void toTransient(Obj o) {
            o.status = St.TRANSIENT;
            o.id = null;
            o.markedDeleted = false;
            o.dirty = false;
            o.sameWrite = false;
        }

        void beginNested() {
            autobegin();
            flush();
            frames.push(new Frame(flushed));
        }

        boolean inSavepoint() {
            return frames.size() > 1;
        }

        void commitNested() {
            flush();
            Frame f = frames.pop();
            Frame parent = frames.peek();
            parent.inserted.addAll(f.inserted);
            parent.updated.addAll(f.updated);
            parent.sameUpdated.addAll(f.sameUpdated);
            parent.deleted.addAll(f.deleted);
        }

        void rollbackNested() {
            Frame f = frames.pop();
            flushed = new TreeMap<>(f.snapshot);
            for (Obj o : objects) {
                if (o.status == St.PENDING || f.inserted.contains(o)) {
                    toTransient(o);
                    continue;
                }
                if (o.status == St.DELETED && f.deleted.contains(o)) {
                    o.status = St.PERSISTENT;
                }
                o.markedDeleted = false;
                if (o.status == St.PERSISTENT) {
                    if (o.dirty || f.updated.contains(o)) {
                        o.expire();
                    } else if (o.sameWrite || f.sameUpdated.contains(o)) {
                        o.idLoaded = o.idLoaded == Load.UNLOADED ? Load.UNLOADED : Load.EITHER;
                        o.nameLoaded = o.nameLoaded == Load.UNLOADED ? Load.UNLOADED : Load.EITHER;
                        o.sameWrite = false;
                    }
                }
            }
        }

        /** A write of the attribute {@code name}: dirty unless it writes the loaded value again. */
        static void write(Obj o, String name) {
            if (o.nameLoaded == Load.LOADED && Objects.equals(o.value, name)) {
                o.sameWrite = true;
            } else {
                o.dirty = true;
            }
            o.value = name;
            o.nameLoaded = Load.LOADED;
        }
    }

    // ---- the runner: one action on the session and on the model, then the comparison ----------------

    static final class Runner {
        final Session session;
        final Model model;
        final Connection observer;

        Runner(Session session, Model model, Connection observer) {
            this.session = session;
            this.model = model;
            this.observer = observer;
        }

        void add(String name) {
            Rec rec = new Rec(name);
            Obj o = new Obj(rec, model.objects.size());
            o.value = name;
            model.objects.add(o);
            session.add(rec);
            o.status = St.PENDING;
            model.autobegin(); // add() begins, as SQLAlchemy's _before_attach
        }

        void change(int ref, String name) {
            Obj o = model.find(ref);
            if (o == null || !(o.status == St.PENDING || (o.status == St.PERSISTENT && !o.markedDeleted)) || orphan(o)) {
                return;
            }
            o.rec.name = name;
            if (o.status == St.PERSISTENT) {
                model.autobegin(); // a change of a persistent instance begins, as SQLAlchemy's modified event
            }
            Model.write(o, name);
        }

        void delete(int ref) {
            Obj o = model.find(ref);
            if (o == null) {
                return;
            }
            switch (o.status) {
                case TRANSIENT, PENDING -> expectInvalid(() -> session.delete(o.rec));
                case PERSISTENT -> {
                    if (orphan(o)) {
                        return;
                    }
                    session.delete(o.rec);
                    o.markedDeleted = true;
                    model.autobegin(); // delete() begins, as add() does
                }
                default -> {
                }
            }
        }

        /**
         * A persistent instance whose row a rollback took away (loaded by merge() from a row its own
         * transaction inserted): flushing a change or delete of it raises StaleDataException, as in
         * SQLAlchemy. The failed-flush path is the fault tests' subject, so sequences leave it alone.
         */
        boolean orphan(Obj o) {
            return o.status == St.PERSISTENT && o.id != null && !model.flushed.containsKey(o.id);
        }

        void flush() {
            session.flush();
            model.flush();
        }

        void commit() {
            session.commit();
            model.commit();
        }

        void rollback() {
            session.rollback();
            model.rollback();
        }

        void beginNested() {
            session.beginNested();
            model.beginNested();
        }

        void endNested(boolean commit) {
            if (!model.inSavepoint()) {
                return;
            }
            SessionTransaction sp = session.currentTransaction();
            assertTrue(sp.isNested(), "the current transaction is the savepoint");
            if (commit) {
                sp.commit();
                model.commitNested();
            } else {
                sp.rollback();
                model.rollbackNested();
            }
        }

        void expire(int ref) {
            Obj o = model.find(ref);
            if (o == null) {
                return;
            }
            if (o.status != St.PERSISTENT) {
                expectInvalid(() -> session.expire(o.rec));
                return;
            }
            session.expire(o.rec);
            o.expire();
        }

        void refresh(int ref) {
            Obj o = model.find(ref);
            if (o == null || o.markedDeleted) {
                return;
            }
            if (o.status != St.PERSISTENT) {
                expectInvalid(() -> session.refresh(o.rec));
                return;
            }
            io.athanor.ObjectDeletedException gone = null;
            try {
                session.refresh(o.rec);
            } catch (io.athanor.ObjectDeletedException e) {
                gone = e;
            }
            o.expire();
            model.flush();
            model.autobegin();
            if (!model.flushed.containsKey(o.id)) {
                // its row went with a rollback (it was loaded from a row this transaction inserted)
                assertNotNull(gone, "refreshing an instance whose row is gone raises");
                assertTrue(gone.getMessage().startsWith("ATHANOR-"), gone.getMessage());
                return;
            }
            if (gone != null) {
                throw gone;
            }
            o.value = model.flushed.get(o.id);
            o.idLoaded = Load.LOADED;
            o.nameLoaded = Load.LOADED;
        }

        void merge(int ref, String name) {
            Obj o = model.find(ref);
            if (o == null || o.id == null || !(o.status == St.PERSISTENT || o.status == St.DETACHED)) {
                return;
            }
            Long id = o.id;
            for (Obj other : model.objects) {
                if (id.equals(other.id) && (other.markedDeleted || other.status == St.DELETED)) {
                    return; // the row is going or gone: merge would make a new pending instance with this key
                }
            }
            if (!model.flushed.containsKey(id)) {
                return;
            }
            Rec copy = Rec.copy(id, name);
            Rec merged = session.merge(copy);
            model.flush();
            Obj target = null;
            for (Obj other : model.objects) {
                if (other.status == St.PERSISTENT && id.equals(other.id)) {
                    target = other;
                }
            }
            if (target != null) {
                assertSame(target.rec, merged, "merge() returns the instance of the identity map");
                if (!(target.nameLoaded == Load.LOADED && Objects.equals(target.value, name))) {
                    model.autobegin(); // merge wrote the value: a change of a persistent instance begins
                }
                target.idLoaded = Load.LOADED;
                Model.write(target, name);
            } else {
                model.autobegin();
                target = new Obj(merged, model.objects.size());
                model.objects.add(target);
                target.status = St.PERSISTENT;
                target.id = id;
                target.value = model.flushed.get(id);
                Model.write(target, name);
            }
            assertTrue(Athanor.inspect(copy).isTransient(), "the merged copy stays transient");
        }

        void expunge(int ref) {
            Obj o = model.find(ref);
            if (o == null) {
                return;
            }
            if (!o.inSession()) {
                expectInvalid(() -> session.expunge(o.rec));
                return;
            }
            session.expunge(o.rec);
            if (o.status == St.PENDING) {
                Model.toTransient(o);
            } else {
                o.status = St.DETACHED;
                o.markedDeleted = false;
            }
        }

        static void expectInvalid(org.junit.jupiter.api.function.Executable call) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
            assertTrue(e.getMessage().startsWith("ATHANOR-"), "an id: " + e.getMessage());
        }

        // ---- the comparison ----

        void check(String where) throws SQLException {
            String ctx = where + "\n  model: " + model.objects + "\n  committed " + model.committed + ", flushed "
                    + model.flushed + ", frames " + model.frames.size();
            assertEquals(model.committed, rows(observer), "committed rows " + ctx);
            assertEquals(model.inTransaction(), session.inTransaction(), "in a transaction " + ctx);
            assertEquals(model.inSavepoint(), session.inNestedTransaction(), "in a savepoint " + ctx);
            if (model.inTransaction()) {
                assertEquals(model.flushed, rows(session.connection()), "rows the transaction sees " + ctx);
            }
            Set<Object> expectNew = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Object> expectDeleted = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Obj o : model.objects) {
                String what = "instance " + o + " " + ctx;
                InstanceState st = Athanor.inspect(o.rec);
                assertEquals(o.status, status(st), "status of " + what);
                if (o.status == St.PENDING) {
                    expectNew.add(o.rec);
                }
                if (o.markedDeleted) {
                    expectDeleted.add(o.rec);
                }
                if (o.status == St.TRANSIENT || o.status == St.PENDING) {
                    if (o.status == St.PENDING) {
                        assertEquals(o.value, o.rec.name, "value of " + what);
                    }
                    continue;
                }
                assertEquals(o.id, st.identity() == null ? null : ((Number) st.identity()).longValue(),
                        "identity of " + what);
                Set<String> unloaded = st.unloadedAttributes();
                loaded("id", o.idLoaded, unloaded, what);
                loaded("name", o.nameLoaded, unloaded, what);
                if (!unloaded.contains("name")) {
                    assertEquals(o.value, o.rec.name, "value of " + what);
                }
            }
            assertEquals(expectNew, session.getNew(), "session.getNew() " + ctx);
            assertEquals(expectDeleted, session.getDeleted(), "session.getDeleted() " + ctx);
        }

        private static void loaded(String attr, Load expected, Set<String> unloaded, String what) {
            if (expected == Load.LOADED) {
                assertTrue(!unloaded.contains(attr), attr + " loaded in " + what + " (unloaded: " + unloaded + ")");
            } else if (expected == Load.UNLOADED) {
                assertTrue(unloaded.contains(attr), attr + " expired in " + what + " (unloaded: " + unloaded + ")");
            }
        }

        private static St status(InstanceState st) {
            Set<St> flags = new HashSet<>();
            if (st.isTransient()) {
                flags.add(St.TRANSIENT);
            }
            if (st.isPending()) {
                flags.add(St.PENDING);
            }
            if (st.isPersistent()) {
                flags.add(St.PERSISTENT);
            }
            if (st.isDeleted()) {
                flags.add(St.DELETED);
            }
            if (st.isDetached()) {
                flags.add(St.DETACHED);
            }
            assertEquals(1, flags.size(), "exactly one state flag: " + flags);
            return flags.iterator().next();
        }

        static Map<Long, String> rows(Connection c) throws SQLException {
            Map<Long, String> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM rel_rec"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        }
    }
}
