package io.athanor.ext.mutable;

import java.util.Iterator;
import java.util.function.UnaryOperator;

/** An iterator over a mutable value's elements whose {@code remove()} reports a change. */
final class TrackedIterator<E> implements Iterator<E> {
    private final Iterator<E> backing;
    private final Mutable owner;
    private final UnaryOperator<E> wrap;

    TrackedIterator(Iterator<E> backing, Mutable owner, UnaryOperator<E> wrap) {
        this.backing = backing;
        this.owner = owner;
        this.wrap = wrap;
    }

    @Override
    public boolean hasNext() {
        return backing.hasNext();
    }

    @Override
    public E next() {
        return wrap.apply(backing.next());
    }

    @Override
    public void remove() {
        backing.remove();
        owner.changed();
    }
}
