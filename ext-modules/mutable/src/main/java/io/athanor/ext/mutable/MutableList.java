package io.athanor.ext.mutable;

import java.io.Serial;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A {@code List} that reports in-place changes: SQLAlchemy's {@code MutableList}. Every write
 * reports through {@link #changed()}: {@code add}, {@code addAll}, {@code set}, {@code remove},
 * {@code removeAll}, {@code retainAll}, {@code removeIf}, {@code replaceAll}, {@code sort},
 * {@code clear}, and writes through {@code iterator()}, {@code listIterator()} ({@code remove},
 * {@code set}, {@code add}) and {@code subList()} views. Elements that are {@link Mutable} report
 * their own changes to this list. Writes report even when they change nothing (an empty
 * {@code addAll}, {@code clear} of an empty list), as SQLAlchemy's {@code extend} and {@code clear}
 * do; the one exception is {@code remove(Object)} of an absent element, which reports nothing, as
 * SQLAlchemy's {@code remove} raises {@code ValueError} before reporting. Fits JSON columns and
 * {@code SqlArray} columns.
 *
 * @param <E> element type
 */
public class MutableList<E> extends Mutable implements List<E>, RandomAccess {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Elements<E> elements;

    /** An empty list. */
    public MutableList() {
        this.elements = new Elements<>(new ArrayList<>(), this);
    }

    /** A list holding the elements of {@code items}, in order. */
    public MutableList(Collection<? extends E> items) {
        this.elements = new Elements<>(new ArrayList<>(items), this);
        items.forEach(this::trackChild);
    }

    /**
     * Converts a plain {@code List} (or other collection) to a {@code MutableList} (a copy), keeps a
     * {@code MutableList} and {@code null}, and refuses anything else naming {@code key}.
     */
    @SuppressWarnings("unchecked")
    public static MutableList<Object> coerce(String key, Object value) {
        if (value == null || value instanceof MutableList<?>) {
            return (MutableList<Object>) value;
        }
        if (value instanceof List<?> plain) {
            return new MutableList<>((List<Object>) plain);
        }
        throw new IllegalArgumentException(Messages.cannotCoerce(key, value, MutableList.class));
    }

    /**
     * Tracks every {@code List} attribute whose {@code @Column(type = ...)} is {@code columnType}, in registries built
     * from now on.
     */
    public static Association associateWith(Class<?> columnType) {
        return Mutable.associateWith(MutableList.class, columnType);
    }

    /**
     * Tracks the {@code List} attribute {@code attribute} of {@code mappedClass} (SQLAlchemy's
     * {@code MutableList.associate_with_attribute}), in registries built from now on.
     */
    public static Association associateWithAttribute(Class<?> mappedClass, String attribute) {
        return Mutable.associateWithAttribute(MutableList.class, mappedClass, attribute);
    }

    @Override
    protected boolean holds(Object child) {
        for (E e : elements.items) {
            if (e == child) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public boolean isEmpty() {
        return elements.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return elements.items.contains(o);
    }

    @Override
    public Iterator<E> iterator() {
        return elements.iterator();
    }

    @Override
    public Object[] toArray() {
        return elements.items.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return elements.items.toArray(a);
    }

    @Override
    public boolean add(E e) {
        return elements.add(e);
    }

    @Override
    public boolean remove(Object o) {
        int i = elements.items.indexOf(o);
        if (i < 0) {
            return false;
        }
        elements.remove(i);
        return true;
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        return elements.items.containsAll(c);
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return elements.addAll(elements.size(), c);
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        return elements.addAll(index, c);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        return elements.removeIf(c::contains);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        return elements.removeIf(e -> !c.contains(e));
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return elements.removeIf(filter);
    }

    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        elements.replaceAll(operator);
    }

    @Override
    public void sort(Comparator<? super E> c) {
        elements.sort(c);
    }

    @Override
    public void clear() {
        elements.clear();
    }

    @Override
    public E get(int index) {
        return elements.get(index);
    }

    @Override
    public E set(int index, E element) {
        return elements.set(index, element);
    }

    @Override
    public void add(int index, E element) {
        elements.add(index, element);
    }

    @Override
    public E remove(int index) {
        return elements.remove(index);
    }

    @Override
    public int indexOf(Object o) {
        return elements.items.indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
        return elements.items.lastIndexOf(o);
    }

    @Override
    public ListIterator<E> listIterator() {
        return elements.listIterator();
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        return elements.listIterator(index);
    }

    /** A live view whose writes report a change of this list. */
    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        return elements.subList(fromIndex, toIndex);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || elements.equals(o);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return elements.items.toString();
    }

    /**
     * The storage: an {@code AbstractList} over an {@code ArrayList}, so that its iterators and
     * sub-lists write through the tracked {@code set}, {@code add}, {@code remove} and {@code removeRange}.
     */
    private static final class Elements<E> extends AbstractList<E> implements java.io.Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        final ArrayList<E> items;
        final Mutable owner;

        Elements(ArrayList<E> items, Mutable owner) {
            this.items = items;
            this.owner = owner;
        }

        @Override
        public E get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public E set(int index, E element) {
            E old = items.set(index, element);
            owner.trackChild(element);
            owner.changed();
            return old;
        }

        @Override
        public void add(int index, E element) {
            items.add(index, element);
            modCount++;
            owner.trackChild(element);
            owner.changed();
        }

        @Override
        public E remove(int index) {
            E old = items.remove(index);
            modCount++;
            owner.changed();
            return old;
        }

        @Override
        public boolean addAll(int index, Collection<? extends E> c) {
            boolean added = items.addAll(index, c);
            modCount++;
            c.forEach(owner::trackChild);
            owner.changed();
            return added;
        }

        @Override
        protected void removeRange(int fromIndex, int toIndex) {
            items.subList(fromIndex, toIndex).clear();
            modCount++;
            owner.changed();
        }

        @Override
        public boolean removeIf(Predicate<? super E> filter) {
            boolean removed = items.removeIf(filter);
            modCount++;
            owner.changed();
            return removed;
        }

        @Override
        public void replaceAll(UnaryOperator<E> operator) {
            items.replaceAll(operator);
            items.forEach(owner::trackChild);
            owner.changed();
        }

        @Override
        public void sort(Comparator<? super E> c) {
            items.sort(c);
            modCount++;
            owner.changed();
        }
    }
}
