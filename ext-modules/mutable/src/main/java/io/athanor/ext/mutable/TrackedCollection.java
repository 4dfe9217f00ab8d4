package io.athanor.ext.mutable;

import java.util.Collection;
import java.util.Iterator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A live view of a mutable value's elements (a map's {@code values()}, a set) whose writes report a
 * change every time they are called, whether or not they change anything, as every writing method of
 * SQLAlchemy's {@code MutableSet} calls {@code changed()} ({@code discard} of an absent element too).
 */
class TrackedCollection<E> implements Collection<E> {
    final Collection<E> backing;
    final Mutable owner;
    private final UnaryOperator<E> wrap;

    TrackedCollection(Collection<E> backing, Mutable owner, UnaryOperator<E> wrap) {
        this.backing = backing;
        this.owner = owner;
        this.wrap = wrap;
    }

    private boolean report(boolean changed) {
        owner.changed();
        return changed;
    }

    @Override
    public int size() {
        return backing.size();
    }

    @Override
    public boolean isEmpty() {
        return backing.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return backing.contains(o);
    }

    @Override
    public Iterator<E> iterator() {
        return new TrackedIterator<>(backing.iterator(), owner, wrap);
    }

    @Override
    public Object[] toArray() {
        return backing.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return backing.toArray(a);
    }

    @Override
    public boolean add(E e) {
        boolean changed = backing.add(e);
        if (changed) {
            owner.trackChild(e);
        }
        return report(changed);
    }

    @Override
    public boolean remove(Object o) {
        return report(backing.remove(o));
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return backing.containsAll(c);
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        boolean changed = backing.addAll(c);
        if (changed) {
            c.forEach(owner::trackChild);
        }
        return report(changed);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return report(backing.removeAll(c));
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return report(backing.retainAll(c));
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return report(backing.removeIf(filter));
    }

    @Override
    public void clear() {
        backing.clear();
        owner.changed();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || backing.equals(o);
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
