package io.athanor.internal.state;

import io.athanor.InvalidRequestException;
import io.athanor.Key;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.messages.StatementMessages;

/** Normalises a key given to {@code get()} to the types of the key columns ({@code 5} for a Long key becomes {@code 5L}). */
public final class Keys {
    private Keys() {
    }

    public static Object normalize(Mapper mapper, Object id) {
        ColumnModel[] pk = mapper.primaryKey();
        if (id == null) {
            throw new InvalidRequestException(StatementMessages.nullKey(mapper.type()));
        }
        if (pk.length == 1) {
            if (id instanceof Key k) {
                if (k.size() != 1) {
                    throw wrongArity(mapper, k.size());
                }
                return coerce(mapper, pk[0], k.get(0));
            }
            return coerce(mapper, pk[0], id);
        }
        if (!(id instanceof Key k)) {
            throw new InvalidRequestException(StatementMessages.compositeKeyNeeded(mapper.type(), pk.length));
        }
        if (k.size() != pk.length) {
            throw wrongArity(mapper, k.size());
        }
        Object[] values = new Object[pk.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = coerce(mapper, pk[i], k.get(i));
        }
        return Key.of(values);
    }

    private static InvalidRequestException wrongArity(Mapper mapper, int given) {
        return new InvalidRequestException(StatementMessages.keySizeMismatch(mapper.type(), mapper.primaryKey().length, given));
    }

    public static Object coerce(Mapper mapper, ColumnModel column, Object value) {
        Class<?> t = column.javaType();
        if (value instanceof Number n && !(t.isInstance(value))) {
            if (t == Long.class || t == long.class) {
                return n.longValue();
            }
            if (t == Integer.class || t == int.class) {
                return n.intValue();
            }
            if (t == Short.class || t == short.class) {
                return n.shortValue();
            }
        }
        if (value != null && !t.isPrimitive() && !t.isInstance(value)) {
            throw new InvalidRequestException(StatementMessages.keyTypeMismatch(mapper.type(), column.fieldName(), t, value));
        }
        return value;
    }
}
