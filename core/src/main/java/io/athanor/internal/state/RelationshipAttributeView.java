package io.athanor.internal.state;

import io.athanor.AttributeState;
import io.athanor.History;
import io.athanor.internal.mapping.RelationshipModel;
import java.util.List;

/** One relationship of an instance, as {@code InstanceState.attr(name)} shows it: the history of its elements. */
final class RelationshipAttributeView implements AttributeState {
    private final StateImpl s;
    private final RelationshipModel r;

    RelationshipAttributeView(StateImpl s, RelationshipModel r) {
        this.s = s;
        this.r = r;
    }

    @Override
    public String name() {
        return r.name();
    }

    @Override
    public Object loadedValue() {
        return s.loadedRelationshipValue(r);
    }

    @Override
    public History history() {
        int i = r.fieldIndex();
        if (s.isUnloaded(i)) {
            return new History(List.of(), List.of(), List.of());
        }
        Object now = s.obj.$athanor$get(i);
        List<Object> current = new java.util.ArrayList<>();
        if (r.collection()) {
            if (now != null) {
                current.addAll((java.util.Collection<?>) now);
            }
        } else if (now != null) {
            current.add(now);
        }
        Object before = s.isChanged(i) ? s.original[i] : null;
        if (!s.isChanged(i)) {
            boolean fresh = s.status == Status.TRANSIENT || s.status == Status.PENDING;
            return fresh ? new History(current, List.of(), List.of()) : new History(List.of(), current, List.of());
        }
        List<Object> was = new java.util.ArrayList<>();
        if (before instanceof java.util.Collection<?> c) {
            was.addAll(c);
        } else if (before != null && before != StateImpl.NO_VALUE) {
            was.add(before);
        }
        List<Object> added = new java.util.ArrayList<>();
        List<Object> kept = new java.util.ArrayList<>();
        for (Object o : current) {
            (Relationships.containsSame(was, o) ? kept : added).add(o);
        }
        List<Object> deleted = new java.util.ArrayList<>();
        for (Object o : was) {
            if (!Relationships.containsSame(current, o)) {
                deleted.add(o);
            }
        }
        return new History(added, kept, deleted);
    }
}
