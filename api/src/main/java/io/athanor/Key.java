package io.athanor;

import io.athanor.api.internal.Messages;
import java.util.Arrays;
import java.util.List;

/**
 * The value of a composite primary key, in the order the key fields are declared: pass
 * {@code Key.of(a, b)} to {@link Session#get(Class, Object)}. Equal keys are equal by value.
 */
public final class Key {
    private final Object[] values;
    private final int hash;

    private Key(Object[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    /** A key of the given column values. */
    public static Key of(Object... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(Messages.keyWithoutValues());
        }
        return new Key(values.clone());
    }

    /** The number of columns. */
    public int size() {
        return values.length;
    }

    /** The value of column {@code i}. */
    public Object get(int i) {
        return values[i];
    }

    /** The values as an unmodifiable list. */
    public List<Object> values() {
        return Arrays.asList(values.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key other && hash == other.hash && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Key" + Arrays.toString(values);
    }
}
