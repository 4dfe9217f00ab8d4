package io.athanor.ext.mutable;

import java.io.Serial;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@code Map} that reports in-place changes: SQLAlchemy's {@code MutableDict}. Keeps insertion
 * order. Every write reports through {@link #changed()}: {@code put}, {@code putAll}, {@code remove},
 * {@code clear}, {@code putIfAbsent}, {@code replace}, {@code replaceAll}, {@code compute},
 * {@code computeIfAbsent}, {@code computeIfPresent}, {@code merge}, and writes through the
 * {@code keySet()}, {@code values()} and {@code entrySet()} views (removal, iterator removal,
 * {@code Entry.setValue}). As in SQLAlchemy, whose {@code pop}, {@code setdefault}, {@code update}
 * and {@code clear} call {@code changed()} unconditionally, a write reports even when it changes
 * nothing (removing an absent key, {@code putIfAbsent} or {@code computeIfAbsent} on a present key).
 *
 * <p>Values stored in it are not tracked themselves, except values that are {@link Mutable}: those
 * report their own changes to this map, and so to its attribute.
 *
 * @param <K> key type
 * @param <V> value type
 */
public class MutableDict<K, V> extends Mutable implements Map<K, V> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<K, V> map;

    /** An empty map. */
    public MutableDict() {
        this.map = new LinkedHashMap<>();
    }

    /** A map holding the entries of {@code entries} (in their iteration order). */
    public MutableDict(Map<? extends K, ? extends V> entries) {
        this.map = new LinkedHashMap<>(entries);
        map.values().forEach(this::trackChild);
    }

    /**
     * Converts a plain {@code Map} to a {@code MutableDict} (a copy), keeps a {@code MutableDict} and
     * {@code null}, and refuses anything else with an {@link IllegalArgumentException} naming {@code key}.
     */
    @SuppressWarnings("unchecked")
    public static MutableDict<Object, Object> coerce(String key, Object value) {
        if (value == null || value instanceof MutableDict<?, ?>) {
            return (MutableDict<Object, Object>) value;
        }
        if (value instanceof Map<?, ?> plain) {
            return new MutableDict<>((Map<Object, Object>) plain);
        }
        throw new IllegalArgumentException(Messages.cannotCoerce(key, value, MutableDict.class));
    }

    /**
     * Tracks every attribute whose {@code @Column(type = ...)} is {@code columnType} and whose field can
     * hold a {@code MutableDict} (a {@code Map} field), in registries built from now on.
     */
    public static Association associateWith(Class<?> columnType) {
        return Mutable.associateWith(MutableDict.class, columnType);
    }

    /**
     * Tracks the {@code Map} attribute {@code attribute} of {@code mappedClass} (SQLAlchemy's
     * {@code MutableDict.associate_with_attribute}), in registries built from now on.
     */
    public static Association associateWithAttribute(Class<?> mappedClass, String attribute) {
        return Mutable.associateWithAttribute(MutableDict.class, mappedClass, attribute);
    }

    @Override
    protected boolean holds(Object child) {
        for (V v : map.values()) {
            if (v == child) {
                return true;
            }
        }
        return false;
    }

    private <T> T changedReturning(T result) {
        changed();
        return result;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return map.containsValue(value);
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return map.getOrDefault(key, defaultValue);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }

    @Override
    public V put(K key, V value) {
        V old = map.put(key, value);
        trackChild(value);
        return changedReturning(old);
    }

    @Override
    public V remove(Object key) {
        return changedReturning(map.remove(key));
    }

    @Override
    public boolean remove(Object key, Object value) {
        return changedReturning(map.remove(key, value));
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        map.putAll(m);
        m.values().forEach(this::trackChild);
        changed();
    }

    @Override
    public void clear() {
        map.clear();
        changed();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V old = map.putIfAbsent(key, value);
        if (old == null) {
            trackChild(value);
        }
        return changedReturning(old);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        boolean replaced = map.replace(key, oldValue, newValue);
        if (replaced) {
            trackChild(newValue);
        }
        return changedReturning(replaced);
    }

    @Override
    public V replace(K key, V value) {
        boolean present = map.containsKey(key);
        V old = map.replace(key, value);
        if (present) {
            trackChild(value);
        }
        return changedReturning(old);
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        map.replaceAll(function);
        map.values().forEach(this::trackChild);
        changed();
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        V value = map.computeIfAbsent(key, mappingFunction);
        trackChild(value);
        return changedReturning(value);
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        V value = map.computeIfPresent(key, remappingFunction);
        trackChild(value);
        return changedReturning(value);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        V value = map.compute(key, remappingFunction);
        trackChild(value);
        return changedReturning(value);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        V merged = map.merge(key, value, remappingFunction);
        trackChild(merged);
        return changedReturning(merged);
    }

    /** The keys; removing through this view (or its iterator) reports a change. */
    @Override
    public Set<K> keySet() {
        return new TrackedSet<>(map.keySet(), this);
    }

    /** The values; removing through this view (or its iterator) reports a change. */
    @Override
    public Collection<V> values() {
        return new TrackedCollection<>(map.values(), this, v -> v);
    }

    /** The entries; removal and {@code Entry.setValue} report a change. */
    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new TrackedSet<>(map.entrySet(), this, e -> new TrackedEntry<>(e, this));
    }

    @Override
    public boolean equals(Object o) {
        return o == this || map.equals(o);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
