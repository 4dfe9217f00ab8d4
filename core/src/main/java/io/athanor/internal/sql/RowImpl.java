package io.athanor.internal.sql;

import io.athanor.InvalidRequestException;
import io.athanor.Row;
import io.athanor.internal.messages.StatementMessages;
import java.util.Arrays;
import java.util.List;

/** One row: values by position or by case-insensitive label. */
final class RowImpl implements Row {
    private final List<String> labels;
    private final Object[] values;

    RowImpl(List<String> labels, Object[] values) {
        this.labels = labels;
        this.values = values;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new InvalidRequestException(StatementMessages.columnIndexOutOfRange(values.length, index));
        }
        return values[index];
    }

    @Override
    public Object get(String label) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(label)) {
                return values[i];
            }
        }
        throw new InvalidRequestException(StatementMessages.noColumnLabelled(label, labels));
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        return cast(get(index), type);
    }

    @Override
    public <T> T get(String label, Class<T> type) {
        return cast(get(label), type);
    }

    private static <T> T cast(Object v, Class<T> type) {
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        if (v instanceof Number n) {
            if (type == Long.class) {
                return type.cast(n.longValue());
            }
            if (type == Integer.class) {
                return type.cast(n.intValue());
            }
            if (type == Double.class) {
                return type.cast(n.doubleValue());
            }
        }
        throw new InvalidRequestException(StatementMessages.valueNotOfType(v, type));
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public String toString() {
        return "Row" + Arrays.toString(values);
    }
}
