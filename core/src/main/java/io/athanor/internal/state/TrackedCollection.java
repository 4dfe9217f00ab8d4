package io.athanor.internal.state;

import io.athanor.internal.mapping.RelationshipModel;
import java.util.Collection;
import java.util.List;

/**
 * A relationship collection that tells its owner's state about every element added or removed,
 * so back-populating attributes, cascades and the flush see changes made in place.
 */
public interface TrackedCollection<E> extends Collection<E> {

    /** The state of the instance holding this collection. */
    StateImpl owner();

    /** The relationship it belongs to. */
    RelationshipModel relationship();

    /** Adds without telling anyone (loading, or mirroring the other side of a relationship). */
    void addSilently(E element);

    /** Removes without telling anyone. */
    boolean removeSilently(Object element);

    /** Replaces the content without telling anyone (loading). */
    void replaceSilently(Collection<? extends E> elements);

    /** A copy of the elements, for history. */
    List<E> snapshot();

    static <E> TrackedCollection<E> create(StateImpl owner, RelationshipModel r, Collection<? extends E> initial) {
        TrackedCollection<E> c = r.isSet() ? new TrackedSet<>(owner, r) : new TrackedList<>(owner, r);
        if (initial != null) {
            c.replaceSilently(initial);
        }
        return c;
    }
}
