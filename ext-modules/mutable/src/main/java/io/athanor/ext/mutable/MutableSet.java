package io.athanor.ext.mutable;

import java.io.Serial;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@code Set} that reports in-place changes: SQLAlchemy's {@code MutableSet}. Keeps insertion
 * order. {@code add}, {@code addAll}, {@code remove}, {@code removeAll}, {@code retainAll},
 * {@code removeIf}, {@code clear} and iterator removal report through {@link #changed()} every time
 * they are called, even when they change nothing, as SQLAlchemy's {@code add}, {@code discard},
 * {@code update} and {@code difference_update} do. Stored in JSON as an array (a JSON document has no sets).
 *
 * @param <E> element type
 */
public class MutableSet<E> extends Mutable implements Set<E> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final LinkedHashSet<E> items;
    private transient TrackedSet<E> view;

    /** An empty set. */
    public MutableSet() {
        this.items = new LinkedHashSet<>();
    }

    /** A set holding the elements of {@code elements}. */
    public MutableSet(Collection<? extends E> elements) {
        this.items = new LinkedHashSet<>(elements);
        items.forEach(this::trackChild);
    }

    /**
     * Converts a plain {@code Set} or {@code List} (a JSON array loads as a list) to a
     * {@code MutableSet}, keeps a {@code MutableSet} and {@code null}, and refuses anything else naming
     * {@code key}.
     */
    @SuppressWarnings("unchecked")
    public static MutableSet<Object> coerce(String key, Object value) {
        if (value == null || value instanceof MutableSet<?>) {
            return (MutableSet<Object>) value;
        }
        if (value instanceof Set<?> || value instanceof List<?>) {
            return new MutableSet<>((Collection<Object>) value);
        }
        throw new IllegalArgumentException(Messages.cannotCoerce(key, value, MutableSet.class));
    }

    /**
     * Tracks every {@code Set} attribute whose {@code @Column(type = ...)} is {@code columnType}, in registries built
     * from now on.
     */
    public static Association associateWith(Class<?> columnType) {
        return Mutable.associateWith(MutableSet.class, columnType);
    }

    /**
     * Tracks the {@code Set} attribute {@code attribute} of {@code mappedClass} (SQLAlchemy's
     * {@code MutableSet.associate_with_attribute}), in registries built from now on.
     */
    public static Association associateWithAttribute(Class<?> mappedClass, String attribute) {
        return Mutable.associateWithAttribute(MutableSet.class, mappedClass, attribute);
    }

    private TrackedSet<E> view() {
        TrackedSet<E> v = view;
        if (v == null) {
            v = new TrackedSet<>(items, this);
            view = v;
        }
        return v;
    }

    @Override
    protected boolean holds(Object child) {
        for (E e : items) {
            if (e == child) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean isEmpty() {
        return items.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return items.contains(o);
    }

    @Override
    public Iterator<E> iterator() {
        return view().iterator();
    }

    @Override
    public Object[] toArray() {
        return items.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return items.toArray(a);
    }

    @Override
    public boolean add(E e) {
        return view().add(e);
    }

    @Override
    public boolean remove(Object o) {
        return view().remove(o);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return items.containsAll(c);
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return view().addAll(c);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return view().retainAll(c);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return view().removeAll(c);
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return view().removeIf(filter);
    }

    @Override
    public void clear() {
        view().clear();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || items.equals(o);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
