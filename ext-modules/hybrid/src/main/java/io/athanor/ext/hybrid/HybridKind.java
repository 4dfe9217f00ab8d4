package io.athanor.ext.hybrid;

import io.athanor.InvalidRequestException;
import java.lang.reflect.Method;

/** The two kinds of hybrid, and how to find one by name on a class and its superclasses. */
enum HybridKind {
    PROPERTY,
    METHOD;

    /** The annotated method declaring the hybrid {@code name}. */
    Method find(Class<?> entity, String name) {
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (this == PROPERTY && m.isAnnotationPresent(HybridProperty.class)
                        && HybridNames.propertyName(m.getName(), m.getReturnType()).equals(name)) {
                    return m;
                }
                if (this == METHOD && m.isAnnotationPresent(HybridMethod.class) && m.getName().equals(name)) {
                    return m;
                }
            }
        }
        throw new InvalidRequestException(Messages.noSuchHybrid(entity, name));
    }
}
