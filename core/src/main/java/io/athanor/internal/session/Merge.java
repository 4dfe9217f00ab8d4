package io.athanor.internal.session;

import io.athanor.IdentityKey;
import io.athanor.InvalidRequestException;
import io.athanor.StaleDataException;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.state.Relationships;
import io.athanor.internal.state.StateImpl;
import io.athanor.internal.state.Status;
import io.athanor.internal.state.TrackedCollection;
import io.athanor.internal.unitofwork.Cascades;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLAlchemy's {@code merge()}: copies an instance's loaded attributes onto the instance of the same
 * identity in the session (found in the identity map, loaded, or created as pending), checks the
 * version, and follows relationships whose cascade includes {@code merge}. Cycles are merged once.
 */
final class Merge {
    private final SessionImpl session;
    private final Map<Object, Object> done = new IdentityHashMap<>();

    Merge(SessionImpl session) {
        this.session = session;
    }

    <T> T merge(T instance, boolean load) {
        if (load) {
            session.autoflush();
        }
        try (var block = session.noAutoflush()) {
            @SuppressWarnings("unchecked")
            T merged = (T) mergeOne(instance, load);
            return merged;
        }
    }

    private Object mergeOne(Object instance, boolean load) {
        Object seen = done.get(instance);
        if (seen != null) {
            return seen;
        }
        StateImpl given = session.state(instance);
        if (given.owner() == session) {
            done.put(instance, instance);
            return instance;
        }
        Mapper m = given.mapper;
        Object key = given.key() != null ? given.key() : m.identityOf(given.obj);
        if (!load && (key == null || given.status() == Status.TRANSIENT)) {
            throw new InvalidRequestException(SessionMessages.mergeTransientWithoutLoad(given.describe()));
        }
        if (!load && given.hasNetChanges()) {
            throw new InvalidRequestException(SessionMessages.mergeDirtyWithoutLoad(given.describe()));
        }
        StateImpl merged = null;
        if (key != null) {
            merged = session.states().identity().get(new IdentityKey(m.identityClass(), key));
            if (merged == null && load) {
                Object found = session.statements().loadByKey(m, key);
                merged = found == null ? null : (StateImpl) ((Enhanced) found).$athanor$interceptor();
            }
        }
        boolean created = merged == null;
        if (created) {
            Enhanced obj = m.newInstance();
            merged = session.state(obj);
            if (!load) {
                copyColumns(given, merged, false);
                session.states().loaded(merged, key);
                merged.unloadRelationships();
            }
        } else {
            checkVersion(m, given, merged);
        }
        done.put(instance, merged.obj);
        if (load) {
            copyColumns(given, merged, true);
        }
        copyRelationships(given, merged, load);
        if (created && load) {
            session.add(merged.obj);
        }
        return merged.obj;
    }

    private static void checkVersion(Mapper m, StateImpl given, StateImpl merged) {
        ColumnModel v = m.version();
        if (v == null || given.isUnloaded(v.fieldIndex())) {
            return;
        }
        Object mine = given.value(v);
        if (mine == null) {
            return;
        }
        Object theirs = merged.value(v);
        if (theirs != null && ((Number) mine).longValue() != ((Number) theirs).longValue()) {
            throw new StaleDataException(SessionMessages.mergeVersionMismatch(mine, given.describe(), theirs));
        }
    }

    /** Copies the loaded column values; tracked copies record history so the flush writes them. */
    private static void copyColumns(StateImpl from, StateImpl to, boolean tracked) {
        for (ColumnModel c : from.mapper.columns()) {
            int i = c.fieldIndex();
            if (from.isUnloaded(i)) {
                continue;
            }
            Object value = from.obj.$athanor$get(i);
            if (tracked) {
                if (!to.isUnloaded(i) && StateImpl.valueEquals(to.obj.$athanor$get(i), value)) {
                    continue;
                }
                Object old = to.obj.$athanor$get(i);
                to.obj.$athanor$set(i, value);
                to.afterWrite(to.obj, i, old, value);
            } else {
                to.obj.$athanor$set(i, value);
            }
        }
    }

    /** Relationships with the merge cascade: their loaded values are merged and set on the target. */
    private void copyRelationships(StateImpl from, StateImpl to, boolean load) {
        for (RelationshipModel r : from.mapper.relationships()) {
            if (!Cascades.Kind.MERGE.followedBy(r) || from.isUnloaded(r.fieldIndex())) {
                continue;
            }
            List<Object> mergedValues = new ArrayList<>();
            for (Object related : Relationships.related(from, r)) {
                mergedValues.add(mergeOne(related, load));
            }
            Object value = r.collection() ? TrackedCollection.create(to, r, mergedValues)
                    : mergedValues.isEmpty() ? null : mergedValues.get(0);
            if (!load) {
                to.loadedRelationship(r, value);
                continue;
            }
            Object old = to.key() != null && to.isUnloaded(r.fieldIndex()) && to.owner() == session
                    ? loadedOrFetched(to, r) : to.obj.$athanor$get(r.fieldIndex());
            if (!r.collection() && old == value) {
                continue;
            }
            to.obj.$athanor$set(r.fieldIndex(), value);
            Relationships.written(to, r, old, value);
        }
    }

    private Object loadedOrFetched(StateImpl s, RelationshipModel r) {
        session.relationshipValues(s, r);
        return s.obj.$athanor$get(r.fieldIndex());
    }
}
