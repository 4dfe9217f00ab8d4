package io.athanor.internal.state;

import io.athanor.internal.mapping.RelationshipModel;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/** A list-valued relationship: an ArrayList whose changes are reported to the owning state. */
final class TrackedList<E> extends AbstractList<E> implements TrackedCollection<E>, RandomAccess {
    private final ArrayList<E> elements = new ArrayList<>();
    private final StateImpl owner;
    private final RelationshipModel relationship;

    TrackedList(StateImpl owner, RelationshipModel relationship) {
        this.owner = owner;
        this.relationship = relationship;
    }

    @Override
    public E get(int index) {
        return elements.get(index);
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public void add(int index, E element) {
        owner.beforeCollectionChange(relationship, this);
        elements.add(index, element);
        modCount++;
        owner.appended(relationship, element);
    }

    @Override
    public E set(int index, E element) {
        owner.beforeCollectionChange(relationship, this);
        E old = elements.set(index, element);
        if (old != element) {
            owner.removed(relationship, old);
            owner.appended(relationship, element);
        }
        return old;
    }

    @Override
    public E remove(int index) {
        owner.beforeCollectionChange(relationship, this);
        E old = elements.remove(index);
        modCount++;
        owner.removed(relationship, old);
        return old;
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
        modCount++;
    }

    @Override
    public boolean removeSilently(Object element) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) == element) {
                elements.remove(i);
                modCount++;
                return true;
            }
        }
        return false;
    }

    @Override
    public void replaceSilently(Collection<? extends E> content) {
        elements.clear();
        elements.addAll(content);
        modCount++;
    }

    @Override
    public List<E> snapshot() {
        return new ArrayList<>(elements);
    }
}
