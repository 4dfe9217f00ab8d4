package io.athanor.ext.mutable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** Calls a mutable type's static {@code coerce(String, Object)}, found once per type. */
final class Coercion {
    private static final ClassValue<Method> COERCE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method m = type.getMethod("coerce", String.class, Object.class);
                if (!Modifier.isStatic(m.getModifiers())) {
                    throw new IllegalStateException(Messages.badCoerceMethod(type, "it is not static"));
                }
                return m;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(Messages.badCoerceMethod(type, e.toString()), e);
            }
        }
    };

    private Coercion() {
    }

    /** {@code value} as a {@code type}: itself when it already is one, null for null, else coerced or refused. */
    static Object coerce(Class<? extends Mutable> type, Class<?> mapped, String key, Object value) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        Method method = COERCE.get(type);
        if (method.getDeclaringClass() == Mutable.class) {
            throw new IllegalArgumentException(Messages.refused(mapped, key, Messages.cannotCoerce(key, value, type)));
        }
        Object result;
        try {
            result = method.invoke(null, key, value);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException(Messages.refused(mapped, key, iae.getMessage()), iae);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(Messages.badCoerceMethod(type, String.valueOf(cause)), cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(Messages.badCoerceMethod(type, e.toString()), e);
        }
        if (!type.isInstance(result)) {
            throw new IllegalArgumentException(Messages.coercedWrongType(mapped, key, type, result));
        }
        return result;
    }
}
