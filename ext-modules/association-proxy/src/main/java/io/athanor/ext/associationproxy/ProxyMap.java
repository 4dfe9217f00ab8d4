package io.athanor.ext.associationproxy;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The map view of a {@link MapProxy}: key and value attributes of each intermediate object. */
final class ProxyMap<K, V> extends AbstractMap<K, V> {
    private final MapProxy<?, K, V> proxy;
    private final Path path;
    private final Endpoint key;
    private final Object owner;

    ProxyMap(MapProxy<?, K, V> proxy, Path path, Endpoint key, Object owner) {
        this.proxy = proxy;
        this.path = path;
        this.key = key;
        this.owner = owner;
    }

    @SuppressWarnings("unchecked")
    private K keyOf(Object member) {
        return (K) key.get(member);
    }

    @SuppressWarnings("unchecked")
    private V valueOf(Object member) {
        return (V) path.value().get(member);
    }

    private Object find(Object k) {
        for (Object member : Members.read(path, owner)) {
            if (Objects.equals(keyOf(member), k)) {
                return member;
            }
        }
        return null;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                Iterator<Object> members = Members.read(path, owner).iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return members.hasNext();
                    }

                    @Override
                    public Map.Entry<K, V> next() {
                        return new Entry(members.next());
                    }

                    @Override
                    public void remove() {
                        members.remove();
                    }
                };
            }

            @Override
            public int size() {
                return Members.read(path, owner).size();
            }
        };
    }

    @Override
    public boolean containsKey(Object k) {
        return find(k) != null;
    }

    @Override
    public V get(Object k) {
        Object member = find(k);
        return member == null ? null : valueOf(member);
    }

    @Override
    public V put(K k, V value) {
        Object member = find(k);
        if (member != null) {
            V old = valueOf(member);
            path.value().set(member, value);
            return old;
        }
        Members.writable(path, owner).add(proxy.create(path, k, value));
        return null;
    }

    @Override
    public V remove(Object k) {
        Object member = find(k);
        if (member == null) {
            return null;
        }
        V old = valueOf(member);
        Members.read(path, owner).remove(member);
        return old;
    }

    /** One intermediate object as an entry; {@code setValue} writes through to it. */
    private final class Entry implements Map.Entry<K, V> {
        private final Object member;

        Entry(Object member) {
            this.member = member;
        }

        @Override
        public K getKey() {
            return keyOf(member);
        }

        @Override
        public V getValue() {
            return valueOf(member);
        }

        @Override
        public V setValue(V value) {
            V old = valueOf(member);
            path.value().set(member, value);
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && Objects.equals(getKey(), e.getKey())
                    && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }
}
