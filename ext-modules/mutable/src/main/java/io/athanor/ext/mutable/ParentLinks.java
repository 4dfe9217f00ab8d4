package io.athanor.ext.mutable;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapped instances a value belongs to, with the attribute names it is held in: SQLAlchemy's
 * {@code _parents}. Instances are kept weakly and compared by identity (entities may override
 * {@code equals}), so a value never keeps an instance alive.
 */
final class ParentLinks {
    private final Map<Key, Set<String>> links = new HashMap<>();
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

    synchronized void add(Object instance, String attribute) {
        purge();
        links.computeIfAbsent(new Key(instance, queue), k -> new LinkedHashSet<>(2)).add(attribute);
    }

    synchronized void remove(Object instance, String attribute) {
        purge();
        Key key = new Key(instance, null);
        Set<String> attributes = links.get(key);
        if (attributes != null && attributes.remove(attribute) && attributes.isEmpty()) {
            links.remove(key);
        }
    }

    /** Pairs of (instance, attribute) for the instances still alive. */
    synchronized List<Map.Entry<Object, String>> snapshot() {
        purge();
        List<Map.Entry<Object, String>> out = new ArrayList<>();
        for (Map.Entry<Key, Set<String>> e : links.entrySet()) {
            Object instance = e.getKey().get();
            if (instance != null) {
                for (String attribute : e.getValue()) {
                    out.add(Map.entry(instance, attribute));
                }
            }
        }
        return out;
    }

    synchronized boolean isEmpty() {
        purge();
        return links.isEmpty();
    }

    private void purge() {
        for (Object ref = queue.poll(); ref != null; ref = queue.poll()) {
            links.remove(ref);
        }
    }

    /** A weak reference compared by the identity of its referent. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            return o instanceof Key k && k.hash == hash && get() != null && get() == k.get();
        }
    }
}
