package io.athanor.ext.mutable;

import java.util.Map;
import java.util.Objects;

/** A map entry whose {@code setValue} reports a change. */
final class TrackedEntry<K, V> implements Map.Entry<K, V> {
    private final Map.Entry<K, V> backing;
    private final Mutable owner;

    TrackedEntry(Map.Entry<K, V> backing, Mutable owner) {
        this.backing = backing;
        this.owner = owner;
    }

    @Override
    public K getKey() {
        return backing.getKey();
    }

    @Override
    public V getValue() {
        return backing.getValue();
    }

    @Override
    public V setValue(V value) {
        V old = backing.setValue(value);
        owner.trackChild(value);
        owner.changed();
        return old;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Map.Entry<?, ?> e && Objects.equals(getKey(), e.getKey())
                && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
        return backing.hashCode();
    }

    @Override
    public String toString() {
        return backing.toString();
    }
}
