package io.athanor.internal.state;

import io.athanor.InvalidRequestException;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.messages.SessionMessages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What happens in memory when a relationship changes: history, back-population of the mirroring
 * attribute on the other object (at once, before any flush, as SQLAlchemy's backref events), and
 * the save-update cascade into the session.
 */
public final class Relationships {
    private Relationships() {
    }

    /** The state of a related object, attached (transient) if it has none yet. */
    public static StateImpl stateOf(Mapper mapper, Object instance) {
        if (!(instance instanceof Enhanced e) || !mapper.type().isInstance(instance)) {
            throw new InvalidRequestException(SessionMessages.notForRelationship(instance, mapper.type()));
        }
        if (e.$athanor$interceptor() instanceof StateImpl s) {
            return s;
        }
        StateImpl s = StateImpl.transientState(mapper, e);
        e.$athanor$interceptor(s);
        return s;
    }

    /** A new instance's relationships as its constructor left them: collections tracked, other sides linked. */
    static void adopt(StateImpl s) {
        for (RelationshipModel r : s.mapper.relationships()) {
            Object value = s.obj.$athanor$get(r.fieldIndex());
            if (value == null) {
                continue;
            }
            if (r.collection()) {
                TrackedCollection<Object> c = loadedCollection(s, r);
                for (Object o : new ArrayList<>(c)) {
                    linkBack(s, r, o);
                }
            } else {
                linkBack(s, r, value);
            }
        }
    }

    /** A relationship field was assigned. */
    public static void written(StateImpl s, RelationshipModel r, Object oldValue, Object newValue) {
        int i = r.fieldIndex();
        boolean wasUnloaded = s.isUnloaded(i);
        if (!s.isChanged(i)) {
            if (s.original == null) {
                s.original = new Object[s.mapper.fieldCount()];
            }
            s.original[i] = wasUnloaded ? StateImpl.NO_VALUE
                    : oldValue instanceof TrackedCollection<?> c ? c.snapshot()
                    : oldValue instanceof Collection<?> plain ? new ArrayList<>(plain) : oldValue;
            s.markChanged(i);
        }
        s.markLoaded(i);
        s.markModified();
        if (r.collection()) {
            Collection<?> before = wasUnloaded || oldValue == null ? List.of() : new ArrayList<>((Collection<?>) oldValue);
            Collection<?> after = newValue == null ? List.of() : (Collection<?>) newValue;
            TrackedCollection<Object> tracked = TrackedCollection.create(s, r, after);
            s.obj.$athanor$set(i, tracked);
            for (Object o : before) {
                if (!containsSame(tracked, o)) {
                    removed(s, r, o);
                }
            }
            for (Object o : new ArrayList<>(tracked)) {
                if (!containsSame(before, o)) {
                    appended(s, r, o);
                }
            }
        } else if (oldValue != newValue) {
            if (!wasUnloaded && oldValue != null) {
                unlinkBack(s, r, oldValue);
            }
            if (newValue != null) {
                linkBack(s, r, newValue);
                cascadeSave(s, r, newValue);
            }
        }
    }

    static void appended(StateImpl s, RelationshipModel r, Object element) {
        if (element == null) {
            return;
        }
        linkBack(s, r, element);
        cascadeSave(s, r, element);
    }

    static void removed(StateImpl s, RelationshipModel r, Object element) {
        if (element != null) {
            unlinkBack(s, r, element);
            expungePendingOrphan(s, r, element);
        }
    }

    /**
     * A pending child taken out of a delete-orphan collection leaves the session at once, as
     * SQLAlchemy's remove event expunges it: it was never flushed, so there is no row to delete, and
     * the flush must not insert it without its parent.
     */
    private static void expungePendingOrphan(StateImpl s, RelationshipModel r, Object element) {
        RelationshipModel back = r.back();
        if (s.session == null || r.direction() != RelationshipModel.Direction.ONE_TO_MANY
                || !r.cascade().deleteOrphan() || back == null || back.collection()) {
            return;
        }
        StateImpl child = stateOf(r.target(), element);
        if (child.session == s.session && child.status == Status.PENDING
                && child.loadedRelationshipValue(back) == null) {
            s.session.expungeState(child);
        }
    }

    /** Makes the other side point back at {@code s}'s object. */
    private static void linkBack(StateImpl s, RelationshipModel r, Object target) {
        RelationshipModel back = r.back();
        if (back == null) {
            return;
        }
        StateImpl t = stateOf(r.target(), target);
        if (back.collection()) {
            TrackedCollection<Object> coll = loadedCollection(t, back);
            if (coll != null && !containsSame(coll, s.obj)) {
                t.beforeCollectionChange(back, coll);
                coll.addSilently(s.obj);
            }
            return;
        }
        Object current = t.loadedRelationshipValue(back);
        if (current == s.obj) {
            return;
        }
        if (current != null && r.collection()) {
            // moving a child to another parent takes it out of the first parent's collection
            StateImpl previous = stateOf(s.mapper, current);
            TrackedCollection<Object> coll = loadedCollection(previous, r);
            if (coll != null && coll.removeSilently(target)) {
                previous.markModified();
            }
        }
        t.setRelationshipSilently(back, s.obj);
    }

    /** Makes the other side stop pointing at {@code s}'s object. */
    private static void unlinkBack(StateImpl s, RelationshipModel r, Object target) {
        RelationshipModel back = r.back();
        if (back == null) {
            return;
        }
        StateImpl t = stateOf(r.target(), target);
        if (back.collection()) {
            TrackedCollection<Object> coll = loadedCollection(t, back);
            if (coll != null && containsSame(coll, s.obj)) {
                t.beforeCollectionChange(back, coll);
                coll.removeSilently(s.obj);
            }
        } else if (t.loadedRelationshipValue(back) == s.obj) {
            t.setRelationshipSilently(back, null);
        }
    }

    /** The tracked collection of a loaded relationship, or {@code null} when it is not loaded. */
    @SuppressWarnings("unchecked")
    static TrackedCollection<Object> loadedCollection(StateImpl t, RelationshipModel r) {
        if (t.isUnloaded(r.fieldIndex())) {
            return null;
        }
        Object value = t.obj.$athanor$get(r.fieldIndex());
        if (value instanceof TrackedCollection<?> c && c.owner() == t) {
            return (TrackedCollection<Object>) c;
        }
        TrackedCollection<Object> c = TrackedCollection.create(t, r, (Collection<?>) value);
        t.obj.$athanor$set(r.fieldIndex(), c);
        return c;
    }

    private static void cascadeSave(StateImpl s, RelationshipModel r, Object value) {
        if (value != null && r.cascade().saveUpdate() && s.session != null
                && (s.status == Status.PENDING || s.status == Status.PERSISTENT)) {
            s.session.cascadeAdd(r, value);
        }
    }

    public static boolean containsSame(Collection<?> c, Object o) {
        for (Object x : c) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }

    static boolean sameElements(Collection<?> a, Collection<?> b) {
        for (Object o : a) {
            if (!containsSame(b, o)) {
                return false;
            }
        }
        for (Object o : b) {
            if (!containsSame(a, o)) {
                return false;
            }
        }
        return true;
    }

    /** The related objects held now by a loaded relationship (empty when unloaded or null). */
    public static List<Object> related(StateImpl s, RelationshipModel r) {
        Object value = s.loadedRelationshipValue(r);
        if (value == null) {
            return List.of();
        }
        if (r.collection()) {
            return new ArrayList<>((Collection<?>) value);
        }
        return List.of(value);
    }

    /** Elements removed from a collection since it was loaded or flushed. */
    public static List<Object> removedSinceFlush(StateImpl s, RelationshipModel r) {
        int i = r.fieldIndex();
        if (!s.isChanged(i) || !(s.original[i] instanceof Collection<?> before)) {
            if (!r.collection() && s.isChanged(i) && s.original[i] != null && s.original[i] != StateImpl.NO_VALUE
                    && s.original[i] != s.obj.$athanor$get(i)) {
                return List.of(s.original[i]);
            }
            return List.of();
        }
        List<Object> now = related(s, r);
        List<Object> out = new ArrayList<>();
        for (Object o : before) {
            if (!containsSame(now, o)) {
                out.add(o);
            }
        }
        return out;
    }

    /** Elements added to a collection since it was loaded or flushed (all of them for a new owner). */
    public static List<Object> addedSinceFlush(StateImpl s, RelationshipModel r) {
        int i = r.fieldIndex();
        List<Object> now = related(s, r);
        if (s.status == Status.PENDING || !s.isChanged(i) && s.key == null) {
            return now;
        }
        if (!s.isChanged(i)) {
            return List.of();
        }
        Object before = s.original[i];
        if (before == StateImpl.NO_VALUE) {
            return now;
        }
        List<?> was = before instanceof Collection<?> c ? new ArrayList<>(c) : before == null ? List.of() : List.of(before);
        List<Object> out = new ArrayList<>();
        for (Object o : now) {
            if (!containsSame(was, o)) {
                out.add(o);
            }
        }
        return out;
    }
}
