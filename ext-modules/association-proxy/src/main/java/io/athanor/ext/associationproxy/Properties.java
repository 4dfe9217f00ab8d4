package io.athanor.ext.associationproxy;

import io.athanor.InvalidRequestException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Plain JavaBeans properties of an intermediate class: what SQLAlchemy's default getter and setter
 * ({@code getattr}/{@code setattr}) reach when the proxied name is not a mapped attribute.
 */
final class Properties {
    private Properties() {
    }

    /** The public property {@code name} of {@code type} ({@code getX}/{@code isX}/{@code x()}, {@code setX}), or {@code null}. */
    static Endpoint of(String proxy, String role, Class<?> type, String name, Class<?> declared) {
        Method getter = getter(type, name);
        if (getter == null) {
            return null;
        }
        Resolver.check(proxy, role, type, name, Resolver.box(getter.getReturnType()), declared);
        Method setter = setter(type, name, getter.getReturnType());
        return new Endpoint.OfAccessors(type.getSimpleName() + "." + name, o -> invoke(getter, o),
                setter == null ? null : (o, v) -> invoke(setter, o, v), null);
    }

    private static Method getter(Class<?> type, String name) {
        String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {"get" + capital, "is" + capital, name}) {
            try {
                Method m = type.getMethod(candidate);
                if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class
                        && (!candidate.startsWith("is") || candidate.equals(name)
                        || m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static Method setter(Class<?> type, String name, Class<?> valueType) {
        String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {"set" + capital, name}) {
            try {
                Method m = type.getMethod(candidate, valueType);
                if (!Modifier.isStatic(m.getModifiers())) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new InvalidRequestException(String.valueOf(e.getCause()), e.getCause());
        } catch (IllegalAccessException e) {
            throw new InvalidRequestException(String.valueOf(e), e);
        }
    }
}
