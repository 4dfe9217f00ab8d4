package io.athanor.ext.associationproxy;

import io.athanor.InvalidRequestException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * The default creator: SQLAlchemy calls the target class with the value ({@code Keyword(word)}), or
 * with key and value for a dictionary proxy, when no {@code creator} is given. Here that is a
 * non-private constructor of the intermediate class whose parameters accept the proxy's value type
 * (and key type).
 */
final class Constructors {
    private Constructors() {
    }

    /** The constructor of {@code type} taking values of {@code parameterTypes}, or {@code null} when it has none. */
    static Constructor<?> find(Class<?> type, Class<?>... parameterTypes) {
        if (Modifier.isAbstract(type.getModifiers())) {
            return null;
        }
        Constructor<?> best = null;
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (Modifier.isPrivate(c.getModifiers()) || c.getParameterCount() != parameterTypes.length) {
                continue;
            }
            if (fits(c.getParameterTypes(), parameterTypes)
                    && (best == null || fits(best.getParameterTypes(), c.getParameterTypes()))) {
                best = c;
            }
        }
        if (best != null) {
            try {
                best.setAccessible(true);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return best;
    }

    /** Whether each declared parameter accepts the value type at its position. */
    private static boolean fits(Class<?>[] declared, Class<?>[] values) {
        for (int i = 0; i < declared.length; i++) {
            if (values[i] == null || !Resolver.box(declared[i]).isAssignableFrom(Resolver.box(values[i]))) {
                return false;
            }
        }
        return true;
    }

    static Object call(Constructor<?> constructor, Object... arguments) {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new InvalidRequestException(String.valueOf(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new InvalidRequestException(String.valueOf(e), e);
        }
    }
}
