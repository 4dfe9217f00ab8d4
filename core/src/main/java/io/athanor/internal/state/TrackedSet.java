package io.athanor.internal.state;

import io.athanor.internal.mapping.RelationshipModel;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/** A set-valued relationship: an insertion-ordered set whose changes are reported to the owning state. */
final class TrackedSet<E> extends AbstractSet<E> implements TrackedCollection<E> {
    private final LinkedHashSet<E> elements = new LinkedHashSet<>();
    private final StateImpl owner;
    private final RelationshipModel relationship;

    TrackedSet(StateImpl owner, RelationshipModel relationship) {
        this.owner = owner;
        this.relationship = relationship;
    }

    @Override
    public Iterator<E> iterator() {
        Iterator<E> it = elements.iterator();
        return new Iterator<>() {
            private E last;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public E next() {
                last = it.next();
                return last;
            }

            @Override
            public void remove() {
                owner.beforeCollectionChange(relationship, TrackedSet.this);
                it.remove();
                owner.removed(relationship, last);
            }
        };
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public boolean contains(Object o) {
        return elements.contains(o);
    }

    @Override
    public boolean add(E e) {
        if (elements.contains(e)) {
            return false;
        }
        owner.beforeCollectionChange(relationship, this);
        elements.add(e);
        owner.appended(relationship, e);
        return true;
    }

    @Override
    public boolean remove(Object o) {
        if (!elements.contains(o)) {
            return false;
        }
        owner.beforeCollectionChange(relationship, this);
        elements.remove(o);
        owner.removed(relationship, o);
        return true;
    }

    @Override
    public StateImpl owner() {
        return owner;
    }

    @Override
    public RelationshipModel relationship() {
        return relationship;
    }

    @Override
    public void addSilently(E element) {
        elements.add(element);
    }

    @Override
    public boolean removeSilently(Object element) {
        return elements.remove(element);
    }

    @Override
    public void replaceSilently(Collection<? extends E> content) {
        elements.clear();
        elements.addAll(content);
    }

    @Override
    public List<E> snapshot() {
        return new ArrayList<>(elements);
    }
}
