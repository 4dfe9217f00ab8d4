package io.athanor.internal.state;

import io.athanor.AttributeState;
import io.athanor.History;
import io.athanor.internal.mapping.ColumnModel;
import java.util.Collections;
import java.util.List;

/** One column attribute of an instance, as {@code InstanceState.attr(name)} shows it: its loaded value and history. */
final class ColumnAttributeView implements AttributeState {
    private final StateImpl s;
    private final ColumnModel column;

    ColumnAttributeView(StateImpl s, ColumnModel column) {
        this.s = s;
        this.column = column;
    }

    @Override
    public String name() {
        return column.fieldName();
    }

    @Override
    public Object loadedValue() {
        return s.isUnloaded(column.fieldIndex()) ? null : s.attributeValue(column);
    }

    @Override
    public History history() {
        int i = column.fieldIndex();
        boolean isUnloaded = s.isUnloaded(i);
        Object current = isUnloaded ? StateImpl.NO_VALUE : s.attributeValue(column);
        if (!s.isChanged(i)) {
            if (current == StateImpl.NO_VALUE) {
                return new History(List.of(), List.of(), List.of());
            }
            if (s.status == Status.TRANSIENT || s.status == Status.PENDING) {
                return current == null ? new History(List.of(), List.of(), List.of())
                        : new History(List.of(current), List.of(), List.of());
            }
            return new History(List.of(), Collections.singletonList(current), List.of());
        }
        Object before = s.original[i];
        if (current != StateImpl.NO_VALUE && before != StateImpl.NO_VALUE && StateImpl.valueEquals(before, current)) {
            return new History(List.of(), Collections.singletonList(current), List.of());
        }
        List<Object> deleted = before == StateImpl.NO_VALUE ? List.of() : Collections.singletonList(before);
        return new History(Collections.singletonList(current), List.of(), deleted);
    }
}
