package io.athanor.internal.state;

import io.athanor.IdentityKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unit of work's bookkeeping for one session: the identity map and the pending, modified and
 * marked-deleted sets (SQLAlchemy's {@code identity_map}, {@code _new}, {@code _deleted} and the
 * modified states). Every change of an instance's lifecycle status, its session or its identity key
 * happens in one of the named transitions below, so that the sets and the states never disagree.
 * Readers get unmodifiable views.
 */
public final class SessionStates {
    private final AttachedSession session;
    private final IdentityMap identity = new IdentityMap();
    private final Set<StateImpl> pending = new LinkedHashSet<>();
    private final Set<StateImpl> markedDeleted = new LinkedHashSet<>();
    private final Set<StateImpl> modified = new LinkedHashSet<>();
    private final Set<StateImpl> pendingView = Collections.unmodifiableSet(pending);
    private final Set<StateImpl> markedDeletedView = Collections.unmodifiableSet(markedDeleted);
    private final Set<StateImpl> modifiedView = Collections.unmodifiableSet(modified);
    /** The order instances entered the session, for {@code identityMap()} and flush order. */
    private long order;

    public SessionStates(AttachedSession session) {
        this.session = session;
    }

    // ---- reads -------------------------------------------------------------------------------------

    /** The identity map; change it only through the transitions of this class. */
    public IdentityMap identity() {
        return identity;
    }

    public Set<StateImpl> pending() {
        return pendingView;
    }

    public Set<StateImpl> markedDeleted() {
        return markedDeletedView;
    }

    public Set<StateImpl> modified() {
        return modifiedView;
    }

    /** Whether a flush would have anything to do. */
    public boolean hasChanges() {
        return !pending.isEmpty() || !markedDeleted.isEmpty() || !modified.isEmpty();
    }

    // ---- views for Session.getNew(), getDirty(), getDeleted(), identityMap() ---------------------

    /** The pending instances, as an unmodifiable identity set. */
    public Set<Object> newObjects() {
        return objects(pending);
    }

    /** The modified persistent instances not marked deleted (SQLAlchemy's {@code dirty}). */
    public Set<Object> dirtyObjects() {
        List<StateImpl> dirty = new ArrayList<>();
        for (StateImpl s : modified) {
            if (!s.markedDeleted) {
                dirty.add(s);
            }
        }
        return objects(dirty);
    }

    public Set<Object> deletedObjects() {
        return objects(markedDeleted);
    }

    /** The identity map as a map of objects, in the order the instances entered the session (as a dict keeps it). */
    public Map<IdentityKey, Object> identityMapView() {
        List<Map.Entry<IdentityKey, StateImpl>> entries = new ArrayList<>(identity.size());
        identity.forEach((k, s) -> entries.add(Map.entry(k, s)));
        entries.sort(Comparator.comparingLong(e -> e.getValue().order));
        Map<IdentityKey, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<IdentityKey, StateImpl> e : entries) {
            copy.put(e.getKey(), e.getValue().obj);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Set<Object> objects(Collection<StateImpl> of) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (StateImpl s : of) {
            set.add(s.obj);
        }
        return Collections.unmodifiableSet(set);
    }

    // ---- entering the session -------------------------------------------------------------------

    /** {@code add()} of a transient instance: it becomes pending. */
    public void pend(StateImpl s) {
        s.fillDiscriminator();
        s.status = Status.PENDING;
        s.session = session;
        s.order = order++;
        pending.add(s);
    }

    /** {@code add()} of a detached instance: persistent again under its key. */
    public void reattach(StateImpl s) {
        s.status = Status.PERSISTENT;
        s.session = session;
        identity.put(new IdentityKey(s.mapper.identityClass(), s.key), s);
        if (s.modified) {
            modified.add(s);
        }
    }

    /** A row was read into a new instance (a query or a load by key): persistent, with nothing changed. */
    public void loaded(StateImpl s, Object key) {
        s.key = key;
        s.status = Status.PERSISTENT;
        s.session = session;
        s.order = order++;
        s.commitAll();
        s.markAllLoaded();
        identity.put(s.mapper.identityClass(), key, s);
        s.obj.$athanor$interceptor(s);
    }

    // ---- flush results ----------------------------------------------------------------------------

    /** The INSERT of a pending instance succeeded: persistent under {@code key}. */
    public void inserted(StateImpl s, Object key, boolean removeFromPending) {
        s.key = key;
        s.status = Status.PERSISTENT;
        if (removeFromPending) {
            pending.remove(s);
        }
        identity.put(s.mapper.identityClass(), key, s);
    }

    /** Pending instances that left all at once, at the end of a flush that inserted all of them. */
    public void removePending(Collection<StateImpl> inserted) {
        if (inserted.size() == pending.size()) {
            pending.clear();
        } else {
            pending.removeAll(inserted);
        }
    }

    /** An UPDATE changed the instance's primary key: the identity map follows. */
    public void rekey(StateImpl s, Object key) {
        IdentityKey old = new IdentityKey(s.mapper.identityClass(), s.key);
        if (identity.get(old) == s) {
            identity.remove(old);
        }
        s.key = key;
        identity.put(new IdentityKey(s.mapper.identityClass(), key), s);
    }

    /**
     * The instance's DELETE ran (in a flush or a synchronised bulk delete), or its row was found gone
     * (SQLAlchemy's {@code _remove_newly_deleted}): deleted, out of the identity map.
     */
    public void deleted(StateImpl s) {
        s.markedDeleted = false;
        s.status = Status.DELETED;
        markedDeleted.remove(s);
        modified.remove(s);
        removeIdentity(s);
    }

    // ---- marks --------------------------------------------------------------------------------------

    /** {@code delete()}: marked for DELETE at the next flush; false if it already was. */
    public boolean markDeleted(StateImpl s) {
        if (s.markedDeleted) {
            return false;
        }
        s.markedDeleted = true;
        markedDeleted.add(s);
        return true;
    }

    /** A persistent instance's attribute changed: the flush will look at it. */
    public void modified(StateImpl s) {
        modified.add(s);
    }

    /** The instance has nothing left to flush (expired, refreshed or flushed). */
    public void unmodified(StateImpl s) {
        modified.remove(s);
    }

    /** After a flush: only instances changed again since (by the flush's own events) stay modified. */
    public void keepStillModified() {
        modified.removeIf(s -> !s.modified);
    }

    // ---- leaving the session --------------------------------------------------------------------

    /** {@code expunge()} and rollback: out of the session, transient if it was never flushed. */
    public void detach(StateImpl s, boolean toTransient) {
        if (s.session != session) {
            return;
        }
        if (s.key != null) {
            removeIdentity(s);
        }
        pending.remove(s);
        markedDeleted.remove(s);
        modified.remove(s);
        leave(s, toTransient);
    }

    /** {@code expungeAll()} and {@code close()}: every instance leaves at once, with the deleted ones given. */
    public void detachAll(List<Collection<StateImpl>> deletedInTransactions) {
        for (StateImpl s : identity.values()) {
            leaveIfOurs(s);
        }
        for (StateImpl s : pending) {
            leaveIfOurs(s);
        }
        for (StateImpl s : markedDeleted) {
            leaveIfOurs(s);
        }
        for (Collection<StateImpl> deleted : deletedInTransactions) {
            for (StateImpl s : deleted) {
                leaveIfOurs(s);
            }
        }
        identity.clear();
        pending.clear();
        markedDeleted.clear();
        modified.clear();
    }

    private void leaveIfOurs(StateImpl s) {
        if (s.session == session || s.status == Status.DELETED) {
            leave(s, false);
        }
    }

    private void leave(StateImpl s, boolean toTransient) {
        s.markedDeleted = false;
        s.session = null;
        if (s.mapper.listened()) {
            s.detached();
        }
        if (toTransient || s.status == Status.PENDING || s.status == Status.TRANSIENT) {
            s.status = Status.TRANSIENT;
            s.key = null;
        } else {
            s.status = Status.DETACHED;
        }
    }

    /** The root transaction committed: an instance deleted in it is now detached. */
    public void deletedCommitted(StateImpl s) {
        if (s.status == Status.DELETED) {
            s.session = null;
            s.status = Status.DETACHED;
        }
    }

    /** After a commit or rollback: every persistent instance expires and nothing is modified. */
    public void expireAll() {
        for (StateImpl s : identity.values()) {
            s.expireAll();
        }
        modified.clear();
    }

    // ---- undoing a transaction's effects (the snapshot restore) --------------------------------

    /** An instance inserted in a rolled-back transaction, or still pending at its rollback: transient again. */
    public void undoInsert(StateImpl s) {
        if (s.session == session) {
            detach(s, true);
        } else if (s.status == Status.PENDING || (s.status == Status.DETACHED && s.session == null)) {
            // inserted here and expunged since: it loses its key with the row, so it is transient
            s.status = Status.TRANSIENT;
        }
        s.key = null;
    }

    /** A primary-key change rolled back: the old key again, in the identity map unless it was expunged. */
    public void undoRekey(StateImpl s, Object oldKey, boolean keepInIdentity) {
        IdentityKey now = new IdentityKey(s.mapper.identityClass(), s.key);
        if (identity.get(now) == s) {
            identity.remove(now);
        }
        s.key = oldKey;
        if (keepInIdentity && s.session == session) {
            identity.put(new IdentityKey(s.mapper.identityClass(), s.key), s);
        }
    }

    /** A delete rolled back (flushed or only marked): persistent again. */
    public void undoDelete(StateImpl s) {
        s.markedDeleted = false;
        if (s.status == Status.DELETED || s.session == session) {
            s.status = Status.PERSISTENT;
            s.session = session;
            identity.put(new IdentityKey(s.mapper.identityClass(), s.key), s);
        }
    }

    /** Marks are undone with their transaction. */
    public void clearMarkedDeleted() {
        markedDeleted.clear();
    }

    private void removeIdentity(StateImpl s) {
        IdentityKey k = new IdentityKey(s.mapper.identityClass(), s.key);
        if (identity.get(k) == s) {
            identity.remove(k);
        }
    }
}
