package io.athanor.internal.session;

import io.athanor.IdentityKey;
import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A session's identity map: (mapped class, primary key) to the one state of that row. Loading is
 * dominated by its lookups and inserts, so it keeps the keys and states in two open-addressing
 * arrays (linear probing, backward-shift removal): no key object and no entry node per instance,
 * where a {@code HashMap<IdentityKey, StateImpl>} allocates both. The class of an entry is its
 * state's mapped class. Not thread-safe, as the session.
 */
final class IdentityMap {
    private static final int INITIAL = 16;

    private Object[] ids = new Object[INITIAL];
    private StateImpl[] states = new StateImpl[INITIAL];
    private int size;
    private int modCount;

    StateImpl get(Class<?> type, Object id) {
        if (id == null) {
            return null;
        }
        int i = probe(type, id);
        return ids[i] == null ? null : states[i];
    }

    StateImpl get(IdentityKey key) {
        return get(key.type(), key.id());
    }

    /** Maps {@code (type, id)} to {@code state}, replacing a previous state of that identity. */
    void put(Class<?> type, Object id, StateImpl state) {
        if (id == null) {
            throw new IllegalArgumentException("no identity for " + state.describe() + ": its key is null");
        }
        if (state.mapper.type() != type) {
            throw new IllegalArgumentException(state.describe() + " is not a " + type.getName());
        }
        int i = probe(type, id);
        if (ids[i] != null) {
            states[i] = state;
            return;
        }
        ids[i] = id;
        states[i] = state;
        modCount++;
        if (++size * 2 > ids.length) {
            grow();
        }
    }

    void put(IdentityKey key, StateImpl state) {
        put(key.type(), key.id(), state);
    }

    /** Removes the entry of {@code (type, id)}; returns its state, or {@code null}. */
    StateImpl remove(Class<?> type, Object id) {
        if (id == null) {
            return null;
        }
        int i = probe(type, id);
        if (ids[i] == null) {
            return null;
        }
        StateImpl removed = states[i];
        deleteAt(i, ids.length - 1);
        return removed;
    }

    StateImpl remove(IdentityKey key) {
        return remove(key.type(), key.id());
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        if (size > 0) {
            modCount++;
            size = 0;
            if (ids.length > 1024) {
                // a session that held many rows does not keep their arrays after close/expunge_all
                ids = new Object[INITIAL];
                states = new StateImpl[INITIAL];
            } else {
                Arrays.fill(ids, null);
                Arrays.fill(states, null);
            }
        }
    }

    /** Calls {@code action} with each entry's key and state. */
    void forEach(java.util.function.BiConsumer<IdentityKey, StateImpl> action) {
        int expected = modCount;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null) {
                action.accept(new IdentityKey(states[i].mapper.type(), ids[i]), states[i]);
                if (modCount != expected) {
                    throw new ConcurrentModificationException("the identity map changed while iterating it");
                }
            }
        }
    }

    /** A live view of the states, in no particular order; changing the map while iterating fails fast. */
    Collection<StateImpl> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<StateImpl> iterator() {
                return new Iterator<>() {
                    private final int expected = modCount;
                    private final StateImpl[] table = states;
                    private int next = advance(0);

                    private int advance(int from) {
                        while (from < table.length && table[from] == null) {
                            from++;
                        }
                        return from;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < table.length;
                    }

                    @Override
                    public StateImpl next() {
                        if (modCount != expected) {
                            throw new ConcurrentModificationException("the identity map changed while iterating it");
                        }
                        if (next >= table.length) {
                            throw new NoSuchElementException();
                        }
                        StateImpl s = table[next];
                        next = advance(next + 1);
                        return s;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The slot holding {@code (type, id)}, or the empty slot where it would go. */
    private int probe(Class<?> type, Object id) {
        int mask = ids.length - 1;
        int i = slot(type, id, mask);
        while (ids[i] != null && !(ids[i].equals(id) && states[i].mapper.type() == type)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int slot(Class<?> type, Object id, int mask) {
        int h = id.hashCode() * 31 + System.identityHashCode(type);
        return (h * 0x9E3779B9 >>> 7) & mask;
    }

    private void grow() {
        Object[] oldIds = ids;
        StateImpl[] oldStates = states;
        ids = new Object[oldIds.length * 2];
        states = new StateImpl[oldIds.length * 2];
        int mask = ids.length - 1;
        for (int j = 0; j < oldIds.length; j++) {
            if (oldIds[j] != null) {
                int i = slot(oldStates[j].mapper.type(), oldIds[j], mask);
                while (ids[i] != null) {
                    i = (i + 1) & mask;
                }
                ids[i] = oldIds[j];
                states[i] = oldStates[j];
            }
        }
    }

    /** Removes slot {@code i}, shifting later entries of the probe run back so that lookups still find them. */
    private void deleteAt(int i, int mask) {
        modCount++;
        size--;
        int gap = i;
        for (int j = (i + 1) & mask; ids[j] != null; j = (j + 1) & mask) {
            int home = slot(states[j].mapper.type(), ids[j], mask);
            // move j into the gap unless its home lies cyclically in (gap, j]
            boolean stays = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!stays) {
                ids[gap] = ids[j];
                states[gap] = states[j];
                gap = j;
            }
        }
        ids[gap] = null;
        states[gap] = null;
    }
}
