package io.athanor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.InstanceState;
import io.athanor.NoAutoflush;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.SessionTransaction;
import io.athanor.reliability.model.Kid;
import io.athanor.reliability.model.Note;
import io.athanor.reliability.model.Pal;
import io.athanor.reliability.model.Parent;
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
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Model-based testing of relationships (issue 20): random sequences that add parents, add children
 * to their collections, move children between parents (by appending to the other collection or by
 * setting the many-to-one), take them out, delete parents, flush, commit, roll back and use
 * savepoints, run against the session and against {@link Model}, SQLAlchemy's rules for one parent
 * with three one-to-many collections: kids ({@code all, delete-orphan}) and pals ({@code save-update,
 * merge}), each mirrored by a many-to-one, and notes (one-directional, {@code save-update, merge}: only
 * the collection sets their key). After every step: each instance's state, the session's
 * new and deleted sets, the loaded collections and many-to-ones in memory, and the rows (the
 * transaction's and the committed ones) must agree with the model.
 *
 * <p>Two known divergences are kept out of the sequences (see core's guards tests): a child's
 * many-to-one is read (under {@code noAutoflush}, where SQLAlchemy would find it in the identity map
 * without SQL) before the child is moved or taken out, and nothing is expunged.
 *
 * <p>Sequences per database: {@code reliability.relations.tries}; no new one starts past
 * {@code reliability.relations.budget-seconds}, and fewer than {@code reliability.relations.min-tries}
 * by then fail the test.
 */
class RelationshipModelTest {
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
        int tries = Integer.getInteger("reliability.relations.tries", 1000);
        int minTries = Integer.getInteger("reliability.relations.min-tries", 100);
        long budget = Long.getLong("reliability.relations.budget-seconds", 10);
        long[] steps = new long[1];
        PropertyRunner.Settings settings = PropertyRunner.Settings.of("relationship sequences on " + kind.id(), tries)
                .withBudget(Duration.ofSeconds(budget), minTries);
        PropertyRunner.Report report = PropertyRunner.check(settings, sequences(), shrinkSequence(),
                actions -> steps[0] += run(kind, actions));
        System.out.println("[reliability] relationship sequences on " + kind.id() + ": " + report.tries() + " run, "
                + steps[0] + " steps");
    }

    /** Sequences of 1 to 24 actions; refs pick among the parents, kids or pals made so far. */
    static Gen<List<Action>> sequences() {
        Gen<Integer> refs = Gen.ints(0, 5);
        Gen<Boolean> kinds = Gen.of(true, false);
        Gen<Action> action = Gen.<Action>frequency()
                .add(4, Gen.constant(new AddParent()))
                .add(7, r -> new AddChild(kinds.next(r), refs.next(r)))
                .add(4, r -> new Move(kinds.next(r), refs.next(r), refs.next(r)))
                .add(2, r -> new SetParent(kinds.next(r), refs.next(r), refs.next(r)))
                .add(4, r -> new Remove(kinds.next(r), refs.next(r)))
                .add(3, refs.map(AddNote::new))
                .add(3, r -> new MoveNote(refs.next(r), refs.next(r)))
                .add(2, refs.map(RemoveNote::new))
                .add(2, refs.map(DeleteParent::new))
                .add(3, Gen.constant(new Flush()))
                .add(2, Gen.constant(new Commit()))
                .add(2, Gen.constant(new Rollback()))
                .add(2, Gen.constant(new BeginNested()))
                .add(2, Gen.constant(new CommitNested()))
                .add(2, Gen.constant(new RollbackNested()));
        return action.list(1, 24);
    }

    static Shrink<List<Action>> shrinkSequence() {
        return Shrink.list(1, RelationshipModelTest::simpler);
    }

    static List<Action> simpler(Action a) {
        List<Action> out = new ArrayList<>();
        if (a instanceof AddChild c) {
            lower(c.parent()).forEach(p -> out.add(new AddChild(c.kid(), p)));
            if (!c.kid()) {
                out.add(new AddChild(true, c.parent()));
            }
        } else if (a instanceof Move m) {
            lower(m.child()).forEach(x -> out.add(new Move(m.kid(), x, m.parent())));
            lower(m.parent()).forEach(p -> out.add(new Move(m.kid(), m.child(), p)));
        } else if (a instanceof SetParent m) {
            lower(m.child()).forEach(x -> out.add(new SetParent(m.kid(), x, m.parent())));
            lower(m.parent()).forEach(p -> out.add(new SetParent(m.kid(), m.child(), p)));
            out.add(new Move(m.kid(), m.child(), m.parent()));
        } else if (a instanceof Remove x) {
            lower(x.child()).forEach(c -> out.add(new Remove(x.kid(), c)));
        } else if (a instanceof AddNote n) {
            lower(n.parent()).forEach(p -> out.add(new AddNote(p)));
        } else if (a instanceof MoveNote m) {
            lower(m.note()).forEach(x -> out.add(new MoveNote(x, m.parent())));
            lower(m.parent()).forEach(p -> out.add(new MoveNote(m.note(), p)));
        } else if (a instanceof RemoveNote x) {
            lower(x.note()).forEach(n -> out.add(new RemoveNote(n)));
        } else if (a instanceof DeleteParent d) {
            lower(d.parent()).forEach(p -> out.add(new DeleteParent(p)));
        }
        return out;
    }

    private static List<Integer> lower(int ref) {
        return ref == 0 ? List.of() : ref == 1 ? List.of(0) : List.of(0, ref - 1);
    }

    /** Runs one sequence on clean tables and a new session; returns the steps run. */
    private static int run(TestDatabase kind, List<Action> actions) throws SQLException {
        DatabaseHandle db = Schema.handle(kind);
        Engine engine = Schema.engine(db);
        Schema.clean(engine, "rel_kid");
        Schema.clean(engine, "rel_pal");
        Schema.clean(engine, "rel_note");
        Schema.clean(engine, "rel_parent");
        SessionMaker sessions = Schema.sessions(engine);
        Model model = new Model();
        int step = 0;
        try (Connection observer = db.dataSource().getConnection(); Session session = sessions.open()) {
            observer.setAutoCommit(true);
            Runner runner = new Runner(session, model);
            for (Action a : actions) {
                step++;
                a.apply(runner);
                runner.check("after step " + step + " " + a + " of " + actions, observer);
            }
        }
        return step;
    }

    // ---- the actions ------------------------------------------------------------------------------

    interface Action {
        void apply(Runner r);
    }

    record AddParent() implements Action {
        public void apply(Runner r) {
            r.addParent();
        }

        @Override
        public String toString() {
            return "addParent";
        }
    }

    record AddChild(boolean kid, int parent) implements Action {
        public void apply(Runner r) {
            r.addChild(kid, parent);
        }

        @Override
        public String toString() {
            return "add" + (kid ? "Kid" : "Pal") + "(to P" + parent + ")";
        }
    }

    /** Appends the child to another parent's collection. */
    record Move(boolean kid, int child, int parent) implements Action {
        public void apply(Runner r) {
            r.move(kid, child, parent, true);
        }

        @Override
        public String toString() {
            return "move(" + (kid ? "K" : "L") + child + " to P" + parent + ")";
        }
    }

    /** Sets the child's many-to-one to another parent. */
    record SetParent(boolean kid, int child, int parent) implements Action {
        public void apply(Runner r) {
            r.move(kid, child, parent, false);
        }

        @Override
        public String toString() {
            return "set(" + (kid ? "K" : "L") + child + ".parent = P" + parent + ")";
        }
    }

    /** Takes the child out of its parent's collection. */
    record Remove(boolean kid, int child) implements Action {
        public void apply(Runner r) {
            r.remove(kid, child);
        }

        @Override
        public String toString() {
            return "remove(" + (kid ? "K" : "L") + child + ")";
        }
    }

    record AddNote(int parent) implements Action {
        public void apply(Runner r) {
            r.addNote(parent);
        }

        @Override
        public String toString() {
            return "addNote(to P" + parent + ")";
        }
    }

    /** Takes the note out of the collection holding it, then appends it to another parent's. */
    record MoveNote(int note, int parent) implements Action {
        public void apply(Runner r) {
            r.moveNote(note, parent);
        }

        @Override
        public String toString() {
            return "moveNote(N" + note + " to P" + parent + ")";
        }
    }

    record RemoveNote(int note) implements Action {
        public void apply(Runner r) {
            r.removeNote(note);
        }

        @Override
        public String toString() {
            return "removeNote(N" + note + ")";
        }
    }

    /** Flushes, then deletes the parent (cascading to its kids; its pals' keys go NULL at the next flush). */
    record DeleteParent(int parent) implements Action {
        public void apply(Runner r) {
            r.deleteParent(parent);
        }

        @Override
        public String toString() {
            return "deleteParent(P" + parent + ")";
        }
    }

    record Flush() implements Action {
        public void apply(Runner r) {
            r.session.flush();
            r.model.flush();
        }

        @Override
        public String toString() {
            return "flush";
        }
    }

    record Commit() implements Action {
        public void apply(Runner r) {
            r.session.commit();
            r.model.commit();
        }

        @Override
        public String toString() {
            return "commit";
        }
    }

    record Rollback() implements Action {
        public void apply(Runner r) {
            r.session.rollback();
            r.model.rollback();
        }

        @Override
        public String toString() {
            return "rollback";
        }
    }

    record BeginNested() implements Action {
        public void apply(Runner r) {
            r.session.beginNested();
            r.model.beginNested();
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

    // ---- the reference model ----------------------------------------------------------------------

    enum St { TRANSIENT, PENDING, PERSISTENT, DELETED, DETACHED }

    enum Kind { PARENT, KID, PAL, NOTE }

    /** What the model knows of one instance. */
    static final class Obj {
        final Object obj;
        final Kind kind;
        final int index;
        St status = St.TRANSIENT;
        Long id;
        boolean markedDeleted;
        /** Changed in memory since the last flush, load or expiry (SQLAlchemy's {@code modified}). */
        boolean dirty;
        /** A child's parent in memory (null: none). */
        Obj parent;
        /**
         * False for a pal whose parent's deletion set its key to NULL: SQLAlchemy leaves a loaded
         * many-to-one pointing at the deleted parent, an unloaded one loads as null.
         */
        boolean parentKnown = true;
        /** The parents whose collections hold this note in memory (no back-population: possibly stale ones). */
        final Set<Obj> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        /** A child moved from one parent to another since the last flush (see {@link Runner#remove}). */
        boolean moved;

        Obj(Object obj, Kind kind, int index) {
            this.obj = obj;
            this.kind = kind;
            this.index = index;
        }

        boolean live() {
            return (status == St.PENDING || status == St.PERSISTENT) && !markedDeleted;
        }

        @Override
        public String toString() {
            String name = (kind == Kind.PARENT ? "P" : kind == Kind.KID ? "K" : kind == Kind.PAL ? "L" : "N") + index;
            return name + "{" + status + (id == null ? "" : " id " + id) + (markedDeleted ? ", marked deleted" : "")
                    + (dirty ? ", dirty" : "") + (kind == Kind.PARENT ? "" : kind == Kind.NOTE
                    ? ", in " + holders.stream().map(h -> "P" + h.index).toList() : ", parent "
                    + (!parentKnown ? "?" : parent == null ? "-" : "P" + parent.index)) + "}";
        }

        /** The one parent in the session whose collection holds this note (null: none). */
        Obj liveHolder() {
            Obj found = null;
            for (Obj h : holders) {
                if (h.live()) {
                    assertTrue(found == null, "one live holder of N" + index + ": " + holders);
                    found = h;
                }
            }
            return found;
        }
    }

    /** One transaction: the rows at its start and what its flushes inserted, touched and deleted. */
    static final class Frame {
        final Rows snapshot;
        final Set<Obj> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<Obj> touched = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<Obj> deleted = Collections.newSetFromMap(new IdentityHashMap<>());

        Frame(Rows snapshot) {
            this.snapshot = snapshot.copy();
        }
    }

    /** The three tables: parent ids; kid and pal ids to their parent ids (null for NULL). */
    record Rows(Set<Long> parents, Map<Long, Long> kids, Map<Long, Long> pals, Map<Long, Long> notes) {
        static Rows empty() {
            return new Rows(new java.util.TreeSet<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        }

        Rows copy() {
            return new Rows(new java.util.TreeSet<>(parents), new TreeMap<>(kids), new TreeMap<>(pals),
                    new TreeMap<>(notes));
        }

        Map<Long, Long> of(Kind kind) {
            return kind == Kind.KID ? kids : kind == Kind.PAL ? pals : notes;
        }
    }

    /** SQLAlchemy's rules for the parent, its kids and pals, in one session. */
    static final class Model {
        final List<Obj> objects = new ArrayList<>();
        Rows committed = Rows.empty();
        Rows flushed = Rows.empty();
        final Deque<Frame> frames = new ArrayDeque<>();

        List<Obj> all(Kind kind) {
            return objects.stream().filter(o -> o.kind == kind).toList();
        }

        Obj find(Kind kind, int ref) {
            List<Obj> of = all(kind);
            return of.isEmpty() ? null : of.get(ref % of.size());
        }

        boolean inTransaction() {
            return !frames.isEmpty();
        }

        boolean inSavepoint() {
            return frames.size() > 1;
        }

        void autobegin() {
            if (frames.isEmpty()) {
                frames.push(new Frame(committed));
                flushed = committed.copy();
            }
        }

        boolean hasWork() {
            for (Obj o : objects) {
                if (o.status == St.PENDING || o.markedDeleted || (o.status == St.PERSISTENT && o.dirty)) {
                    return true;
                }
            }
            return false;
        }

        void flush() {
            if (!hasWork()) {
                return;
            }
            autobegin();
            Frame top = frames.peek();
            // delete-orphan: a persistent kid taken out of its collection and put in none
            for (Obj o : all(Kind.KID)) {
                if (o.status == St.PERSISTENT && !o.markedDeleted && o.parent == null) {
                    o.markedDeleted = true;
                }
            }
            for (Obj o : objects) {
                if (o.status == St.PENDING) {
                    o.status = St.PERSISTENT;
                    Object key = Athanor.inspect(o.obj).identity();
                    assertNotNull(key, "a generated key after the INSERT of " + o);
                    o.id = ((Number) key).longValue();
                    top.inserted.add(o);
                    if (o.kind == Kind.PARENT) {
                        flushed.parents.add(o.id);
                    } else {
                        flushed.of(o.kind).put(o.id, null);
                    }
                }
            }
            for (Obj o : all(Kind.NOTE)) {
                if (o.status != St.PERSISTENT || o.markedDeleted) {
                    continue;
                }
                Obj holder = o.liveHolder(); // a parent being deleted holds it no more: its key is cleared
                Long target = holder == null ? null : holder.id;
                if (!java.util.Objects.equals(flushed.notes.get(o.id), target)) {
                    flushed.notes.put(o.id, target);
                    top.touched.add(o);
                }
            }
            for (Obj o : objects) {
                if (o.kind == Kind.PARENT || o.kind == Kind.NOTE || o.status != St.PERSISTENT || !o.parentKnown) {
                    continue;
                }
                Long target;
                if (o.parent == null) {
                    target = null;
                } else if (o.parent.markedDeleted || o.parent.status == St.DELETED) {
                    if (o.kind == Kind.KID) {
                        continue; // deleted with it
                    }
                    target = null; // the pal stays, its key cleared
                    o.parentKnown = false;
                } else {
                    target = o.parent.id;
                }
                Long before = flushed.of(o.kind).get(o.id);
                if (!java.util.Objects.equals(before, target) || top.inserted.contains(o) && target != null) {
                    flushed.of(o.kind).put(o.id, target);
                    top.touched.add(o);
                }
            }
            for (Obj o : objects) {
                if (o.dirty) {
                    top.touched.add(o);
                    o.dirty = false;
                }
                o.moved = false;
                if (o.markedDeleted) {
                    o.markedDeleted = false;
                    o.status = St.DELETED;
                    top.deleted.add(o);
                    if (o.kind == Kind.PARENT) {
                        flushed.parents.remove(o.id);
                    } else {
                        flushed.of(o.kind).remove(o.id);
                    }
                }
            }
        }

        /** An expired instance: what it will load is the rows' (a load autoflushes first). */
        void expire(Obj o, Rows rows) {
            o.dirty = false;
            o.moved = false;
            if (o.kind == Kind.PARENT) {
                for (Obj n : all(Kind.NOTE)) {
                    n.holders.remove(o);
                    if (n.status == St.PERSISTENT && o.id.equals(rows.notes.get(n.id))) {
                        n.holders.add(o);
                    }
                }
                return;
            }
            if (o.kind == Kind.NOTE) {
                return;
            }
            o.parentKnown = true;
            Long parentId = rows.of(o.kind).get(o.id);
            o.parent = null;
            if (parentId != null) {
                for (Obj p : all(Kind.PARENT)) {
                    if (parentId.equals(p.id) && p.status == St.PERSISTENT) {
                        o.parent = p;
                    }
                }
                assertNotNull(o.parent, "the parent of " + o + " is in the session");
            }
        }

        void commit() {
            autobegin();
            flush();
            committed = flushed.copy();
            for (Obj o : objects) {
                if (o.status == St.DELETED) {
                    o.status = St.DETACHED;
                }
            }
            for (Obj o : objects) {
                if (o.status == St.PERSISTENT) {
                    expire(o, committed);
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
            flushed = committed.copy();
            for (Obj o : objects) {
                if (o.status == St.PENDING || inserted.contains(o)) {
                    toTransient(o);
                } else if (o.status == St.DELETED) {
                    o.status = St.PERSISTENT;
                }
                o.markedDeleted = false;
            }
            for (Obj o : objects) {
                if (o.status == St.PERSISTENT) {
                    expire(o, committed);
                }
            }
            frames.clear();
        }

        static void toTransient(Obj o) {
            o.status = St.TRANSIENT;
            o.id = null;
            o.markedDeleted = false;
            o.dirty = false;
            o.moved = false;
        }

        void beginNested() {
            autobegin();
            flush();
            frames.push(new Frame(flushed));
        }

        void commitNested() {
            flush();
            Frame f = frames.pop();
            Frame parent = frames.peek();
            parent.inserted.addAll(f.inserted);
            parent.touched.addAll(f.touched);
            parent.deleted.addAll(f.deleted);
        }

        void rollbackNested() {
            Frame f = frames.pop();
            flushed = f.snapshot.copy();
            List<Obj> expire = new ArrayList<>();
            for (Obj o : objects) {
                if (o.status == St.PENDING || f.inserted.contains(o)) {
                    toTransient(o);
                    continue;
                }
                if (o.status == St.DELETED && f.deleted.contains(o)) {
                    o.status = St.PERSISTENT;
                }
                o.markedDeleted = false;
                if (o.status == St.PERSISTENT && (o.dirty || f.touched.contains(o))) {
                    expire.add(o);
                }
            }
            for (Obj o : expire) {
                expire(o, flushed);
            }
        }
    }

    // ---- the runner: one action on the session and on the model, then the comparison --------------

    static final class Runner {
        final Session session;
        final Model model;

        Runner(Session session, Model model) {
            this.session = session;
            this.model = model;
        }

        void addParent() {
            Parent p = new Parent("p");
            Obj o = new Obj(p, Kind.PARENT, model.all(Kind.PARENT).size());
            model.objects.add(o);
            session.add(p);
            o.status = St.PENDING;
            model.autobegin(); // add() begins, as SQLAlchemy's _before_attach
        }

        /** The parent's collection, as the application reads it: a load autoflushes first. */
        List<Object> collection(Obj parent, boolean kid) {
            return collection(parent, kid ? "kids" : "pals");
        }

        @SuppressWarnings("unchecked")
        List<Object> collection(Obj parent, String attr) {
            boolean load = parent.status == St.PERSISTENT
                    && Athanor.inspect(parent.obj).unloadedAttributes().contains(attr);
            Parent p = (Parent) parent.obj;
            List<?> field = attr.equals("kids") ? p.kids : attr.equals("pals") ? p.pals : p.notes;
            List<Object> coll = (List<Object>) field;
            if (load) {
                model.flush(); // after the session's: the model reads the keys it generated
                model.autobegin();
            }
            return coll;
        }

        void addChild(boolean kid, int parentRef) {
            Obj p = model.find(Kind.PARENT, parentRef);
            if (p == null || !p.live()) {
                return;
            }
            List<Object> coll = collection(p, kid);
            Object child = kid ? new Kid("k") : new Pal("l");
            Obj c = new Obj(child, kid ? Kind.KID : Kind.PAL, model.all(kid ? Kind.KID : Kind.PAL).size());
            model.objects.add(c);
            coll.add(child);
            c.status = St.PENDING;
            c.parent = p;
            c.dirty = true;
            p.dirty = true;
            model.autobegin(); // a change of an instance in the session begins
        }

        /** Whether a child may be moved or taken out: in the session, and its parent (if any) too. */
        private static boolean movable(Obj c) {
            return c != null && c.live() && c.parentKnown && (c.parent == null || c.parent.live());
        }

        /**
         * Reads the child's many-to-one (without autoflush), so that back-population knows the old parent:
         * a child loaded through a collection has it unloaded, and then neither appending it elsewhere nor
         * taking it out reaches the old side (a known divergence, see core's MoveBetweenParentsTest). The
         * key column is read first: an expired many-to-one is otherwise resolved from the stale key (a
         * known bug, see core's ExpiredManyToOneTest). An expired row is loaded, which begins a transaction.
         */
        private void touch(Obj c) {
            if (c.status == St.PERSISTENT && Athanor.inspect(c.obj).unloadedAttributes().contains("parentId")) {
                model.autobegin();
            }
            try (NoAutoflush block = session.noAutoflush()) {
                Long key = c.obj instanceof Kid k ? k.parentId : ((Pal) c.obj).parentId;
                Object read = c.obj instanceof Kid k ? k.parent : ((Pal) c.obj).parent;
                assertSame(c.parent == null ? null : c.parent.obj, read, "the many-to-one of " + c);
                if (!c.dirty && c.status == St.PERSISTENT) {
                    assertEquals(c.parent == null ? null : c.parent.id, key, "the key of " + c);
                }
            }
        }

        void move(boolean kid, int childRef, int parentRef, boolean throughCollection) {
            Obj c = model.find(kid ? Kind.KID : Kind.PAL, childRef);
            Obj p = model.find(Kind.PARENT, parentRef);
            if (!movable(c) || p == null || !p.live() || c.parent == p) {
                return;
            }
            List<Object> coll = throughCollection ? collection(p, kid) : null;
            if (!movable(c) || !p.live()) {
                return; // the autoflush deleted it (an orphan kid)
            }
            touch(c);
            if (throughCollection) {
                coll.add(c.obj);
            } else if (c.obj instanceof Kid k) {
                k.parent = (Parent) p.obj;
            } else {
                ((Pal) c.obj).parent = (Parent) p.obj;
            }
            if (c.parent != null) {
                c.parent.dirty = true;
                c.moved = true;
            }
            c.parent = p;
            c.dirty = true;
            p.dirty = true;
            model.autobegin();
        }

        /**
         * Takes a child out of its parent's collection. A child moved to this parent from another since the
         * last flush is flushed first: a kid taken out again is an orphan that the flush does not delete (a
         * known bug, see core's MoveBetweenParentsTest).
         */
        void remove(boolean kid, int childRef) {
            Obj c = model.find(kid ? Kind.KID : Kind.PAL, childRef);
            if (!movable(c) || c.parent == null) {
                return;
            }
            if (c.moved) {
                session.flush();
                model.flush();
            }
            Obj p = c.parent;
            List<Object> coll = collection(p, kid);
            if (!movable(c) || c.parent != p) {
                return;
            }
            touch(c);
            assertTrue(coll.remove(c.obj), c + " is in its parent's collection");
            c.parent = null;
            p.dirty = true;
            if (kid && c.status == St.PENDING) {
                Model.toTransient(c); // a pending orphan leaves the session at once
            } else {
                c.dirty = true;
            }
            model.autobegin();
        }

        void addNote(int parentRef) {
            Obj p = model.find(Kind.PARENT, parentRef);
            if (p == null || !p.live()) {
                return;
            }
            List<Object> coll = collection(p, "notes");
            Note note = new Note("n");
            Obj n = new Obj(note, Kind.NOTE, model.all(Kind.NOTE).size());
            model.objects.add(n);
            coll.add(note);
            n.status = St.PENDING;
            n.holders.add(p);
            p.dirty = true;
            model.autobegin();
        }

        void removeNote(int noteRef) {
            Obj n = model.find(Kind.NOTE, noteRef);
            if (n == null || !n.live() || n.liveHolder() == null) {
                return;
            }
            Obj h = n.liveHolder();
            List<Object> coll = collection(h, "notes");
            if (!n.live() || n.liveHolder() != h) {
                return;
            }
            assertTrue(coll.remove(n.obj), n + " is in P" + h.index + "'s notes");
            n.holders.remove(h);
            h.dirty = true;
            model.autobegin();
        }

        /**
         * Takes the note out of its parent's collection (if any) first: appending alone would leave it in
         * both (no back-population), and when the old parent is flushed too the move is lost (a known bug,
         * see core's MoveBetweenParentsTest).
         */
        void moveNote(int noteRef, int parentRef) {
            Obj n = model.find(Kind.NOTE, noteRef);
            Obj p = model.find(Kind.PARENT, parentRef);
            if (n == null || !n.live() || p == null || !p.live() || n.holders.contains(p)) {
                return;
            }
            removeNote(noteRef);
            List<Object> coll = collection(p, "notes");
            if (!n.live() || !p.live()) {
                return;
            }
            coll.add(n.obj);
            n.holders.add(p);
            p.dirty = true;
            model.autobegin();
        }

        void deleteParent(int parentRef) {
            Obj p = model.find(Kind.PARENT, parentRef);
            if (p == null || p.status != St.PERSISTENT || p.markedDeleted) {
                return;
            }
            session.flush();
            model.flush();
            if (p.status != St.PERSISTENT) {
                return;
            }
            if (Athanor.inspect(p.obj).unloadedAttributes().contains("kids")) {
                model.autobegin(); // the delete cascade loads them
            }
            session.delete(p.obj);
            p.markedDeleted = true;
            model.autobegin(); // delete() begins, as add() does
            for (Obj k : model.all(Kind.KID)) {
                if (k.parent == p && k.status == St.PERSISTENT) {
                    k.markedDeleted = true;
                }
            }
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

        // ---- the comparison ----

        void check(String where, Connection observer) throws SQLException {
            String ctx = where + "\n  model: " + model.objects + "\n  committed " + model.committed + "\n  flushed "
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
                InstanceState st = Athanor.inspect(o.obj);
                String what = o + " " + ctx;
                assertEquals(o.status, status(st), "status of " + what);
                if (o.status == St.PENDING) {
                    expectNew.add(o.obj);
                }
                if (o.markedDeleted) {
                    expectDeleted.add(o.obj);
                }
                if (o.status == St.PERSISTENT) {
                    assertEquals(o.id, ((Number) st.identity()).longValue(), "identity of " + what);
                }
                if (!o.live()) {
                    continue;
                }
                Set<String> unloaded = st.unloadedAttributes();
                if (o.kind == Kind.PARENT) {
                    Parent p = (Parent) o.obj;
                    if (!unloaded.contains("kids")) {
                        assertEquals(expectedChildren(o, Kind.KID), identitySet(p.kids), "kids of " + what);
                    }
                    if (!unloaded.contains("pals")) {
                        assertEquals(expectedChildren(o, Kind.PAL), identitySet(p.pals), "pals of " + what);
                    }
                    if (!unloaded.contains("notes")) {
                        Set<Object> notes = Collections.newSetFromMap(new IdentityHashMap<>());
                        for (Obj n : model.all(Kind.NOTE)) {
                            if (n.live() && n.holders.contains(o)) {
                                notes.add(n.obj);
                            }
                        }
                        assertEquals(notes, identitySet(p.notes), "notes of " + what);
                    }
                } else if (o.kind != Kind.NOTE && !unloaded.contains("parent") && o.parentKnown) {
                    Object parent = o.obj instanceof Kid k ? k.parent : ((Pal) o.obj).parent;
                    assertSame(o.parent == null ? null : o.parent.obj, parent, "the many-to-one of " + what);
                }
            }
            assertEquals(expectNew, session.getNew(), "session.getNew() " + ctx);
            assertEquals(expectDeleted, session.getDeleted(), "session.getDeleted() " + ctx);
        }

        private Set<Object> expectedChildren(Obj parent, Kind kind) {
            Set<Object> out = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Obj c : model.all(kind)) {
                if (c.parent == parent && c.parentKnown && c.live()) {
                    out.add(c.obj);
                }
            }
            return out;
        }

        private static Set<Object> identitySet(Collection<?> c) {
            Set<Object> out = Collections.newSetFromMap(new IdentityHashMap<>());
            out.addAll(c);
            assertEquals(c.size(), out.size(), "no element twice in " + c);
            return out;
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

        static Rows rows(Connection c) throws SQLException {
            Rows out = Rows.empty();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM rel_parent"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.parents().add(rs.getLong(1));
                }
            }
            for (Kind kind : List.of(Kind.KID, Kind.PAL, Kind.NOTE)) {
                String table = kind == Kind.KID ? "rel_kid" : kind == Kind.PAL ? "rel_pal" : "rel_note";
                try (PreparedStatement ps = c.prepareStatement("SELECT id, parent_id FROM " + table);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        long parent = rs.getLong(2);
                        out.of(kind).put(id, rs.wasNull() ? null : parent);
                    }
                }
            }
            return out;
        }
    }
}
