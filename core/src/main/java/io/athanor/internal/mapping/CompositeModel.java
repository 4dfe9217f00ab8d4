package io.athanor.internal.mapping;

import io.athanor.internal.messages.MappingMessages;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The value class of a {@code @Composite} field: SQLAlchemy's {@code composite()}. Its components
 * are a record's components, or else the non-static, non-transient fields the class declares (in
 * declaration order) with a no-argument constructor. Loading builds a value from its column values
 * (all NULL gives a null value); writing reads each component. Values are built and read through the
 * fields or the canonical constructor, never through setters, so building one reports no change.
 */
public final class CompositeModel {
    private final Class<?> type;
    private final String[] names;
    private final Class<?>[] types;
    private final MethodHandle[] getters;
    private final MethodHandle[] setters;
    private final MethodHandle constructor;

    private CompositeModel(Class<?> type, String[] names, Class<?>[] types, MethodHandle[] getters,
                           MethodHandle[] setters, MethodHandle constructor) {
        this.type = type;
        this.names = names;
        this.types = types;
        this.getters = getters;
        this.setters = setters;
        this.constructor = constructor;
    }

    /** The model of a value class; {@link IllegalArgumentException} saying why when it cannot be one. */
    static CompositeModel of(Class<?> type) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            if (type.isRecord()) {
                RecordComponent[] rc = type.getRecordComponents();
                String[] names = new String[rc.length];
                Class<?>[] types = new Class<?>[rc.length];
                MethodHandle[] getters = new MethodHandle[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    names[i] = rc[i].getName();
                    types[i] = rc[i].getType();
                    getters[i] = lookup.unreflect(rc[i].getAccessor());
                }
                MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
                return new CompositeModel(type, names, types, getters, null, constructor);
            }
            List<Field> fields = new ArrayList<>();
            for (Field f : type.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
                    fields.add(f);
                }
            }
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("it declares no fields");
            }
            int n = fields.size();
            String[] names = new String[n];
            Class<?>[] types = new Class<?>[n];
            MethodHandle[] getters = new MethodHandle[n];
            MethodHandle[] setters = new MethodHandle[n];
            for (int i = 0; i < n; i++) {
                Field f = fields.get(i);
                names[i] = f.getName();
                types[i] = f.getType();
                getters[i] = lookup.unreflectGetter(f);
                if (Modifier.isFinal(f.getModifiers())) {
                    throw new IllegalArgumentException("its field " + f.getName() + " is final (use a record instead)");
                }
                setters[i] = lookup.unreflectSetter(f);
            }
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
            return new CompositeModel(type, names, types, getters, setters, constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("it has no no-argument constructor", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("its members cannot be accessed (" + e.getMessage() + ")", e);
        }
    }

    /** The value class. */
    public Class<?> type() {
        return type;
    }

    /** Number of components. */
    public int size() {
        return names.length;
    }

    /** Name of component {@code i}. */
    public String name(int i) {
        return names[i];
    }

    /** Java type of component {@code i}. */
    public Class<?> componentType(int i) {
        return types[i];
    }

    /** Component {@code i} of a value; null for a null value. */
    public Object component(Object value, int i) {
        if (value == null) {
            return null;
        }
        try {
            return getters[i].invoke(value);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A new value from its components, or null when every component is null. */
    public Object build(Object[] parts) {
        boolean allNull = true;
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            allNull &= parts[i] == null;
            args[i] = parts[i] == null && types[i].isPrimitive() ? zero(types[i]) : parts[i];
        }
        if (allNull) {
            return null;
        }
        try {
            if (setters == null) {
                return constructor.invokeWithArguments(args);
            }
            Object value = constructor.invoke();
            for (int i = 0; i < args.length; i++) {
                setters[i].invoke(value, args[i]);
            }
            return value;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static Object zero(Class<?> primitive) {
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(primitive, 1), 0);
    }

    private RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(MappingMessages.compositeThrew(type), t);
    }
}
