package io.athanor.ext.associationproxy;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The list view of a proxy over a {@code List} relationship: element {@code i} is the value of the
 * relationship's element {@code i}. {@code set} updates the intermediate object in place; {@code add}
 * appends a new one made by the creator; {@code remove} takes the intermediate object out of the
 * relationship (so delete-orphan deletes it at flush).
 */
final class ProxyList<V> extends AbstractList<V> implements RandomAccess {
    private final AssociationProxy<?, V> proxy;
    private final Path path;
    private final Object owner;

    ProxyList(AssociationProxy<?, V> proxy, Path path, Object owner) {
        this.proxy = proxy;
        this.path = path;
        this.owner = owner;
    }

    @SuppressWarnings("unchecked")
    private List<Object> members() {
        return (List<Object>) Members.read(path, owner);
    }

    @SuppressWarnings("unchecked")
    private V value(Object member) {
        return (V) path.value().get(member);
    }

    @Override
    public V get(int index) {
        return value(members().get(index));
    }

    @Override
    public int size() {
        return members().size();
    }

    @Override
    public V set(int index, V element) {
        Object member = members().get(index);
        V old = value(member);
        path.value().set(member, element);
        return old;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(int index, V element) {
        Object member = proxy.create(path, element);
        ((List<Object>) Members.writable(path, owner)).add(index, member);
        modCount++;
    }

    /**
     * Not supported, as in SQLAlchemy: sorting would write values into the existing intermediate
     * objects one by one. Reorder the relationship collection itself.
     */
    @Override
    public void sort(java.util.Comparator<? super V> c) {
        throw new UnsupportedOperationException(Messages.noSort(proxy.label()));
    }

    @Override
    public V remove(int index) {
        Object member = members().remove(index);
        modCount++;
        return value(member);
    }
}
