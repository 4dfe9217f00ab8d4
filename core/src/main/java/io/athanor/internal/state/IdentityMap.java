package io.athanor.internal.state;

import io.athanor.IdentityKey;
import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A session's identity map: (mapped class, primary key) to the one state of that row. Loading is
 * dominated by its lookups and inserts, so it is laid out as a compact hash table: entries (key,
 * state, hash) are appended to dense arrays in insertion order, and a small open-addressing table of
 * {@code int}s (linear probing, backward-shift removal) points into them. No key object and no entry
 * node per instance, as a {@code HashMap<IdentityKey, StateImpl>} would allocate; growing rehashes
 * from the stored hashes without touching a key or a state; and iteration (a session's close, a
 * flush's scan) visits states in the order they were loaded, which is also the order they lie in
 * memory. The class of an entry is its state's mapped class. Not thread-safe, as the session.
 */
public final class IdentityMap {
    private static final int INITIAL = 16;

    /** Slots of the hash table: 0 for empty, else the index of an entry plus one. */
    private int[] table = new int[INITIAL * 2];
    /** The entries, in insertion order; a removed entry leaves {@code null} behind until compaction. */
    private Object[] ids = new Object[INITIAL];
    private StateImpl[] states = new StateImpl[INITIAL];
    private int[] hashes = new int[INITIAL];
    /** Entries used, removed ones included. */
    private int used;
    private int size;
    private int modCount;

    public StateImpl get(Class<?> type, Object id) {
        if (id == null) {
            return null;
        }
        int e = table[probe(type, id, hash(type, id))] - 1;
        return e < 0 ? null : states[e];
    }

    public StateImpl get(IdentityKey key) {
        return get(key.type(), key.id());
    }

    /** Maps {@code (type, id)} to {@code state}, replacing a previous state of that identity in its place. */
    public void put(Class<?> type, Object id, StateImpl state) {
        if (id == null) {
            throw new IllegalArgumentException("no identity for " + state.describe() + ": its key is null");
        }
        if (state.mapper.identityClass() != type) {
            throw new IllegalArgumentException(state.describe() + " is not a " + type.getName());
        }
        int h = hash(type, id);
        int slot = probe(type, id, h);
        if (table[slot] != 0) {
            states[table[slot] - 1] = state;
            return;
        }
        if (used == ids.length) {
            makeRoom();
            slot = probe(type, id, h);
        }
        ids[used] = id;
        states[used] = state;
        hashes[used] = h;
        table[slot] = ++used;
        size++;
        modCount++;
    }

    public void put(IdentityKey key, StateImpl state) {
        put(key.type(), key.id(), state);
    }

    /** Removes the entry of {@code (type, id)}; returns its state, or {@code null}. */
    public StateImpl remove(Class<?> type, Object id) {
        if (id == null) {
            return null;
        }
        int slot = probe(type, id, hash(type, id));
        int e = table[slot] - 1;
        if (e < 0) {
            return null;
        }
        StateImpl removed = states[e];
        ids[e] = null;
        states[e] = null;
        deleteSlot(slot);
        size--;
        modCount++;
        return removed;
    }

    public StateImpl remove(IdentityKey key) {
        return remove(key.type(), key.id());
    }

    public int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        if (used > 0) {
            modCount++;
            size = 0;
            if (ids.length > 1024) {
                // a session that held many rows does not keep their arrays after close/expunge_all
                table = new int[INITIAL * 2];
                ids = new Object[INITIAL];
                states = new StateImpl[INITIAL];
                hashes = new int[INITIAL];
            } else {
                Arrays.fill(table, 0);
                Arrays.fill(ids, 0, used, null);
                Arrays.fill(states, 0, used, null);
            }
            used = 0;
        }
    }

    /** Calls {@code action} with each entry's key and state, in insertion order. */
    public void forEach(java.util.function.BiConsumer<IdentityKey, StateImpl> action) {
        int expected = modCount;
        for (int e = 0; e < used; e++) {
            if (states[e] != null) {
                action.accept(new IdentityKey(states[e].mapper.identityClass(), ids[e]), states[e]);
                if (modCount != expected) {
                    throw new ConcurrentModificationException("the identity map changed while iterating it");
                }
            }
        }
    }

    /** A live view of the states in insertion order; changing the map while iterating fails fast. */
    public Collection<StateImpl> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<StateImpl> iterator() {
                return new Iterator<>() {
                    private final int expected = modCount;
                    private final StateImpl[] entries = states;
                    private final int end = used;
                    private int next = advance(0);

                    private int advance(int from) {
                        while (from < end && entries[from] == null) {
                            from++;
                        }
                        return from;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < end;
                    }

                    @Override
                    public StateImpl next() {
                        if (modCount != expected) {
                            throw new ConcurrentModificationException("the identity map changed while iterating it");
                        }
                        if (next >= end) {
                            throw new NoSuchElementException();
                        }
                        StateImpl s = entries[next];
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

    /** How many slots a lookup of {@code (type, id)} visits (for tests of the hash's spread). */
    int slotsVisited(Class<?> type, Object id) {
        int h = hash(type, id);
        return ((probe(type, id, h) - h) & (table.length - 1)) + 1;
    }

    /** The slot pointing at {@code (type, id)}, or the empty slot where it would go. */
    private int probe(Class<?> type, Object id, int h) {
        int mask = table.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int e = table[i] - 1;
            if (e < 0 || hashes[e] == h && id.equals(ids[e]) && states[e].mapper.identityClass() == type) {
                return i;
            }
        }
    }

    /**
     * A multiplicative mix whose high bits are folded down, so keys whose low bits are all alike
     * (strides of 4096, say) still spread over the table's low bits.
     */
    private static int hash(Class<?> type, Object id) {
        int h = (id.hashCode() + System.identityHashCode(type) * 0x27D4EB2F) * 0x9E3779B9;
        return h ^ h >>> 15;
    }

    /** Room for one more entry: drops removed entries when they are many, else doubles the arrays. */
    private void makeRoom() {
        if (used - size > used / 2) {
            int kept = 0;
            for (int e = 0; e < used; e++) {
                if (states[e] != null) {
                    ids[kept] = ids[e];
                    states[kept] = states[e];
                    hashes[kept] = hashes[e];
                    kept++;
                }
            }
            Arrays.fill(ids, kept, used, null);
            Arrays.fill(states, kept, used, null);
            used = kept;
        } else {
            int capacity = ids.length * 2;
            ids = Arrays.copyOf(ids, capacity);
            states = Arrays.copyOf(states, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
        }
        rebuildTable();
    }

    /** Re-points the hash table at the entries, from their stored hashes (no key or state is read). */
    private void rebuildTable() {
        table = new int[ids.length * 2];
        int mask = table.length - 1;
        for (int e = 0; e < used; e++) {
            int i = hashes[e] & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = e + 1;
        }
    }

    /** Empties slot {@code i}, shifting later slots of the probe run back so that lookups still find them. */
    private void deleteSlot(int i) {
        int mask = table.length - 1;
        int gap = i;
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int home = hashes[table[j] - 1] & mask;
            // move j into the gap unless its home lies cyclically in (gap, j]
            boolean stays = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!stays) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = 0;
    }
}
