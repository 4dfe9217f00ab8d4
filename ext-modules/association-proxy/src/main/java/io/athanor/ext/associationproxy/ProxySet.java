package io.athanor.ext.associationproxy;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;

/**
 * The set view of a proxy over a {@code Set} relationship: the values of its elements. {@code add} of
 * a value not present appends a new intermediate object made by the creator; {@code remove} takes
 * the first intermediate object holding an equal value out of the relationship.
 */
final class ProxySet<V> extends AbstractSet<V> {
    private final AssociationProxy<?, V> proxy;
    private final Path path;
    private final Object owner;

    ProxySet(AssociationProxy<?, V> proxy, Path path, Object owner) {
        this.proxy = proxy;
        this.path = path;
        this.owner = owner;
    }

    @SuppressWarnings("unchecked")
    private V value(Object member) {
        return (V) path.value().get(member);
    }

    @Override
    public Iterator<V> iterator() {
        Iterator<Object> members = Members.read(path, owner).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return members.hasNext();
            }

            @Override
            public V next() {
                return value(members.next());
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

    @Override
    public boolean contains(Object o) {
        return find(o) != null;
    }

    @Override
    public boolean add(V element) {
        if (contains(element)) {
            return false;
        }
        Object member = proxy.create(path, element);
        return Members.writable(path, owner).add(member);
    }

    @Override
    public boolean remove(Object o) {
        Object member = find(o);
        return member != null && Members.read(path, owner).remove(member);
    }

    private Object find(Object value) {
        Collection<Object> members = Members.read(path, owner);
        for (Object member : members) {
            if (Objects.equals(value(member), value)) {
                return member;
            }
        }
        return null;
    }
}
