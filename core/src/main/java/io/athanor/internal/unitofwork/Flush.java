package io.athanor.internal.unitofwork;

import io.athanor.IdentityKey;
import io.athanor.InvalidRequestException;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.mapping.RelationshipModel.Direction;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.persistence.Persister;
import io.athanor.internal.persistence.SecondaryRows;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.state.Relationships;
import io.athanor.internal.state.SessionStates;
import io.athanor.internal.state.StateImpl;
import io.athanor.internal.state.Status;
import io.athanor.internal.transaction.TransactionImpl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One flush. It looks only at the states that changed (pending, modified, marked deleted), fills
 * foreign keys from related objects, inserts in waves so that every row comes after the rows it
 * references (a self-referential tree takes one wave per level; a cycle is broken by inserting
 * with a NULL key and updating it afterwards, SQLAlchemy's post-update), updates, writes
 * association rows, and deletes children before parents. Only when every statement succeeded does
 * memory move on: pending become persistent, deleted become deleted.
 */
public final class Flush {
    private final SessionContext session;
    private final TransactionImpl tx;
    private final Map<StateImpl, List<Parent>> parents = new IdentityHashMap<>();
    /** States inserted so far by this flush, while some insert waits for another; see {@link #allInserted}. */
    private final Set<StateImpl> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Every pending state has been inserted (then {@link #inserted} is not kept). */
    private boolean allInserted;
    private List<StateImpl> inserts = List.of();
    /** The states this flush inserts, as a set; built on first need (only relationships ask). */
    private Set<StateImpl> pendingInsert;
    private final List<PostUpdate> postUpdates = new ArrayList<>();

    private record Parent(StateImpl parent, RelationshipModel relationship) {
    }

    private record PostUpdate(StateImpl state, ColumnModel[] columns, StateImpl target, ColumnModel[] targetColumns) {
    }

    public Flush(SessionContext session, TransactionImpl tx) {
        this.session = session;
        this.tx = tx;
    }

    public void run() {
        new FlushCascade(session).run();
        List<StateImpl> inserts = new ArrayList<>(session.states().pending());
        List<StateImpl> updates = new ArrayList<>();
        for (StateImpl s : session.states().modified()) {
            if (s.status() == Status.PERSISTENT && !s.isMarkedDeleted()) {
                updates.add(s);
            }
        }
        List<StateImpl> deletes = new ArrayList<>(session.states().markedDeleted());
        if (inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty()) {
            return;
        }
        checkIdentityConflicts(inserts);
        this.inserts = inserts;
        Set<StateImpl> updateSet = Collections.newSetFromMap(new IdentityHashMap<>());
        updateSet.addAll(updates);
        collectParents(inserts, updates, updateSet, deletes);
        SecondaryRows secondary = new SecondaryRows(session);
        secondary.collect(inserts);
        secondary.collect(updates);

        insertInWaves(inserts);
        for (PostUpdate p : postUpdates) {
            setColumns(p.state(), p.columns(), p.target(), p.targetColumns());
            if (updateSet.add(p.state())) {
                updates.add(p.state());
            }
        }
        for (StateImpl s : new ArrayList<>(updates)) {
            syncForeignKeys(s);
        }
        updates.sort(KeyOrder.INSTANCE);
        Map<Mapper, List<StateImpl>> updatesBy = byMapper(updates);
        for (Mapper m : session.registry().ordered()) {
            List<StateImpl> upd = updatesBy.get(m);
            if (upd != null) {
                update(m, upd);
            }
        }
        secondary.write();
        deleteChildrenFirst(deletes, secondary);
        finish(inserts, updates, deletes);
    }

    // ---- foreign keys ----------------------------------------------------------------------------

    /** Who holds each saved or orphaned child in a one-to-many collection; orphans' keys are cleared. */
    private void collectParents(List<StateImpl> inserts, List<StateImpl> updates, Set<StateImpl> updateSet,
                                List<StateImpl> deletes) {
        List<StateImpl> owners = new ArrayList<>(inserts);
        owners.addAll(updates);
        Set<StateImpl> deleting = Collections.newSetFromMap(new IdentityHashMap<>());
        deleting.addAll(deletes);
        for (StateImpl p : owners) {
            for (RelationshipModel r : p.mapper.relationships()) {
                if (r.direction() != Direction.ONE_TO_MANY || p.isUnloaded(r.fieldIndex())) {
                    continue;
                }
                for (Object child : Relationships.related(p, r)) {
                    StateImpl c = Relationships.stateOf(r.target(), child);
                    parents.computeIfAbsent(c, k -> new ArrayList<>()).add(new Parent(p, r));
                    if (c.status() == Status.PERSISTENT && !deleting.contains(c) && updateSet.add(c)) {
                        updates.add(c);
                    }
                }
                for (Object gone : Relationships.removedSinceFlush(p, r)) {
                    StateImpl c = Relationships.stateOf(r.target(), gone);
                    if (c.status() == Status.PERSISTENT && !deleting.contains(c) && !parents.containsKey(c)
                            && pointsAt(c, r.remoteColumns(), p, r.localColumns())) {
                        setNull(c, r.remoteColumns());
                        if (updateSet.add(c)) {
                            updates.add(c);
                        }
                    }
                }
            }
        }
        for (StateImpl d : deletes) {
            for (RelationshipModel r : d.mapper.relationships()) {
                if (r.direction() != Direction.ONE_TO_MANY || r.cascade().delete() || r.passiveDeletes()) {
                    continue;
                }
                for (Object child : session.relationshipValues(d, r)) {
                    StateImpl c = Relationships.stateOf(r.target(), child);
                    if (c.status() == Status.PERSISTENT && !deleting.contains(c)
                            && pointsAt(c, r.remoteColumns(), d, r.localColumns())) {
                        setNull(c, r.remoteColumns());
                        if (updateSet.add(c)) {
                            updates.add(c);
                        }
                    }
                }
            }
        }
    }

    private static boolean pointsAt(StateImpl child, ColumnModel[] fk, StateImpl parent, ColumnModel[] key) {
        for (int i = 0; i < fk.length; i++) {
            if (!StateImpl.valueEquals(child.value(fk[i]), parent.value(key[i]))) {
                return false;
            }
        }
        return true;
    }

    private static void setNull(StateImpl s, ColumnModel[] columns) {
        for (ColumnModel c : columns) {
            setColumn(s, c, null);
        }
    }

    /** Copies the related objects' keys into the state's foreign-key columns. */
    private void syncForeignKeys(StateImpl s) {
        for (RelationshipModel r : s.mapper.relationships()) {
            if (r.direction() != Direction.MANY_TO_ONE || s.isUnloaded(r.fieldIndex())) {
                continue;
            }
            if (s.status() == Status.PERSISTENT && !s.isChanged(r.fieldIndex())) {
                continue;
            }
            Object target = s.obj.$athanor$get(r.fieldIndex());
            if (target == null) {
                if (s.status() != Status.PENDING || s.isChanged(r.fieldIndex())) {
                    setNull(s, r.localColumns());
                }
                continue;
            }
            link(s, r.localColumns(), Relationships.stateOf(r.target(), target), r.remoteColumns());
        }
        List<Parent> held = parents.get(s);
        if (held != null) {
            for (Parent p : held) {
                link(s, p.relationship().remoteColumns(), p.parent(), p.relationship().localColumns());
            }
        }
    }

    private void link(StateImpl s, ColumnModel[] columns, StateImpl target, ColumnModel[] targetColumns) {
        if (!allInserted && pendingInsert(target) && !inserted.contains(target)) {
            setNull(s, columns);
            postUpdates.add(new PostUpdate(s, columns, target, targetColumns));
            return;
        }
        setColumns(s, columns, target, targetColumns);
    }

    private static void setColumns(StateImpl s, ColumnModel[] columns, StateImpl target, ColumnModel[] targetColumns) {
        for (int i = 0; i < columns.length; i++) {
            setColumn(s, columns[i], target.value(targetColumns[i]));
        }
    }

    /** Sets a column from the flush, recording history like an application write. */
    static void setColumn(StateImpl s, ColumnModel c, Object value) {
        int i = c.fieldIndex();
        Object current = s.obj.$athanor$get(i);
        if (StateImpl.valueEquals(current, value) && !s.isUnloaded(i)) {
            return;
        }
        if (!s.isChanged(i)) {
            if (s.original == null) {
                s.original = new Object[s.mapper.fieldCount()];
            }
            s.original[i] = s.isUnloaded(i) ? StateImpl.NO_VALUE : current;
            s.markChanged(i);
        }
        s.markLoaded(i);
        s.obj.$athanor$set(i, value);
        s.markModified();
    }

    // ---- inserts ---------------------------------------------------------------------------------

    /** What a pending state waits for: pending objects whose keys its foreign keys take. */
    private List<StateImpl> dependencies(StateImpl s) {
        if (s.mapper.relationships().length == 0 && parents.isEmpty()) {
            return List.of();
        }
        List<StateImpl> deps = new ArrayList<>(2);
        for (RelationshipModel r : s.mapper.relationships()) {
            if (r.direction() == Direction.MANY_TO_ONE && !s.isUnloaded(r.fieldIndex())) {
                Object target = s.obj.$athanor$get(r.fieldIndex());
                if (target != null) {
                    StateImpl t = Relationships.stateOf(r.target(), target);
                    if (t != s && pendingInsert(t)) {
                        deps.add(t);
                    }
                }
            }
        }
        List<Parent> held = parents.get(s);
        if (held != null) {
            for (Parent p : held) {
                if (p.parent() != s && pendingInsert(p.parent())) {
                    deps.add(p.parent());
                }
            }
        }
        return deps;
    }

    private boolean pendingInsert(StateImpl s) {
        if (pendingInsert == null) {
            pendingInsert = Collections.newSetFromMap(new IdentityHashMap<>());
            pendingInsert.addAll(inserts);
        }
        return pendingInsert.contains(s);
    }

    private void insertInWaves(List<StateImpl> inserts) {
        Map<StateImpl, List<StateImpl>> deps = new IdentityHashMap<>();
        for (StateImpl s : inserts) {
            List<StateImpl> d = dependencies(s);
            if (!d.isEmpty()) {
                deps.put(s, d);
            }
        }
        if (deps.isEmpty()) {
            // nothing waits for anything: one wave, and no record of who is inserted yet
            insertWave(inserts, false);
            allInserted = true;
            return;
        }
        List<StateImpl> remaining = new ArrayList<>(inserts);
        while (!remaining.isEmpty()) {
            List<StateImpl> wave = new ArrayList<>();
            List<StateImpl> later = new ArrayList<>();
            for (StateImpl s : remaining) {
                boolean ready = true;
                for (StateImpl d : deps.getOrDefault(s, List.of())) {
                    if (!inserted.contains(d)) {
                        ready = false;
                        break;
                    }
                }
                (ready ? wave : later).add(s);
            }
            if (wave.isEmpty()) {
                // a cycle: insert the first waiting state with NULL keys and update them afterwards
                wave.add(later.remove(0));
            }
            insertWave(wave, true);
            remaining = later;
        }
        allInserted = true;
    }

    private void insertWave(List<StateImpl> wave, boolean record) {
        for (StateImpl s : wave) {
            syncForeignKeys(s);
        }
        Map<Mapper, List<StateImpl>> byMapper = byMapper(wave);
        for (Mapper m : session.registry().ordered()) {
            List<StateImpl> list = byMapper.get(m);
            if (list != null) {
                for (Mapper part : m.parts()) {
                    persister(m, part).insert(list); // a joined hierarchy's base table first: it makes the key
                }
                for (StateImpl s : list) {
                    s.commitAll();
                }
                if (record) {
                    inserted.addAll(list);
                }
            }
        }
    }

    // ---- deletes ---------------------------------------------------------------------------------

    private void deleteChildrenFirst(List<StateImpl> deletes, SecondaryRows secondary) {
        if (deletes.isEmpty()) {
            return;
        }
        secondary.deleteRowsOf(deletes);
        deletes.sort(KeyOrder.INSTANCE);
        Map<Mapper, List<StateImpl>> by = byMapper(deletes);
        List<Mapper> order = session.registry().ordered();
        for (int i = order.size() - 1; i >= 0; i--) {
            List<StateImpl> list = by.get(order.get(i));
            if (list == null) {
                continue;
            }
            for (List<StateImpl> wave : selfReferentialWaves(order.get(i), list)) {
                List<Mapper> parts = order.get(i).parts();
                for (int p = parts.size() - 1; p >= 0; p--) {
                    persister(order.get(i), parts.get(p)).delete(wave); // a subclass's table before its base's
                }
            }
        }
    }

    /** Rows of one table deleted referencing rows first, when the table references itself. */
    private static List<List<StateImpl>> selfReferentialWaves(Mapper m, List<StateImpl> states) {
        List<ColumnModel> selfKeys = new ArrayList<>();
        for (ColumnModel c : m.columns()) {
            if (c.foreignKey() != null && c.foreignKey().table().equals(m.table())) {
                selfKeys.add(c);
            }
        }
        if (selfKeys.isEmpty() || states.size() == 1 || m.primaryKey().length != 1) {
            return List.of(states);
        }
        Map<Object, StateImpl> byKey = new LinkedHashMap<>();
        for (StateImpl s : states) {
            byKey.put(s.key(), s);
        }
        Map<StateImpl, Integer> referencedBy = new IdentityHashMap<>();
        for (StateImpl s : states) {
            for (ColumnModel fk : selfKeys) {
                StateImpl parent = byKey.get(s.committedValue(fk));
                if (parent != null && parent != s) {
                    referencedBy.merge(parent, 1, Integer::sum);
                }
            }
        }
        List<List<StateImpl>> waves = new ArrayList<>();
        List<StateImpl> remaining = new ArrayList<>(states);
        while (!remaining.isEmpty()) {
            List<StateImpl> wave = new ArrayList<>();
            List<StateImpl> later = new ArrayList<>();
            for (StateImpl s : remaining) {
                (referencedBy.getOrDefault(s, 0) == 0 ? wave : later).add(s);
            }
            if (wave.isEmpty()) {
                wave.addAll(later);
                later.clear();
            }
            for (StateImpl s : wave) {
                for (ColumnModel fk : selfKeys) {
                    StateImpl parent = byKey.get(s.committedValue(fk));
                    if (parent != null && parent != s) {
                        referencedBy.merge(parent, -1, Integer::sum);
                    }
                }
            }
            waves.add(wave);
            remaining = later;
        }
        return waves;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Persister persister(Mapper m, Mapper part) {
        return new Persister(session.bindFor(m), session.connection(m), part);
    }

    /** UPDATEs each table of the rows whose columns there changed; the base's version counter whenever any did. */
    private void update(Mapper m, List<StateImpl> states) {
        if (!m.joined()) {
            persister(m, m).update(states);
            return;
        }
        for (int p = 0; p < m.parts().size(); p++) {
            persister(m, m.parts().get(p)).update(states, p == 0 && m.version() != null ? m : null);
        }
    }

    private static Map<Mapper, List<StateImpl>> byMapper(List<StateImpl> states) {
        Map<Mapper, List<StateImpl>> by = new LinkedHashMap<>();
        for (StateImpl s : states) {
            by.computeIfAbsent(s.mapper, k -> new ArrayList<>()).add(s);
        }
        return by;
    }

    private void checkIdentityConflicts(List<StateImpl> inserts) {
        for (StateImpl s : inserts) {
            Object key = s.mapper.identityOf(s.obj);
            if (key == null) {
                continue;
            }
            StateImpl there = session.states().identity().get(new IdentityKey(s.mapper.identityClass(), key));
            if (there != null && there != s) {
                throw new InvalidRequestException(SessionMessages.keyConflict(s.mapper.type(), key, there.describe()));
            }
        }
    }

    private void finish(List<StateImpl> inserts, List<StateImpl> updates, List<StateImpl> deletes) {
        SessionStates states = session.states();
        // the inserts are the pending states copied at the start; when none left since, all leave at once
        boolean allPending = states.pending().size() == inserts.size();
        for (int i = 0; i < inserts.size(); i++) {
            StateImpl s = inserts.get(i);
            Object key = s.mapper.identityOf(s.obj);
            if (key == null) {
                if (allPending) {
                    states.removePending(inserts.subList(0, i)); // as if each had left on its turn
                }
                throw new InvalidRequestException(SessionMessages.nullKeyAfterInsert(s.describe()));
            }
            states.inserted(s, key, !allPending);
            tx.recordInserted(s);
            s.commitAll();
            for (ColumnModel c : s.mapper.columns()) {
                if (c.serverDefault() != null && s.value(c) == null) {
                    s.markUnloaded(c.fieldIndex());
                }
            }
        }
        if (allPending) {
            states.removePending(inserts);
        }
        for (StateImpl s : updates) {
            Object key = s.mapper.identityOf(s.obj);
            if (key != null && !key.equals(s.key())) {
                tx.recordKeySwitch(s, s.key());
                states.rekey(s, key);
            }
            s.commitAll();
            tx.recordUpdated(s);
            states.unmodified(s);
        }
        for (StateImpl s : deletes) {
            states.deleted(s);
            tx.recordDeleted(s);
        }
        states.keepStillModified();
    }
}
