package io.athanor.ext.mutable;

import java.util.Set;
import java.util.function.UnaryOperator;

/** A {@link TrackedCollection} that is a {@code Set} (a map's key and entry views, a {@link MutableSet}). */
final class TrackedSet<E> extends TrackedCollection<E> implements Set<E> {
    TrackedSet(Set<E> backing, Mutable owner, UnaryOperator<E> wrap) {
        super(backing, owner, wrap);
    }

    TrackedSet(Set<E> backing, Mutable owner) {
        this(backing, owner, UnaryOperator.identity());
    }
}
