package io.athanor.ext.asyncio;

import io.athanor.InvalidRequestException;
import io.athanor.enhance.AttributeInterceptor;
import io.athanor.enhance.Enhanced;
import io.athanor.enhance.EnhancedFields;
import io.athanor.mapping.Lazy;
import io.athanor.mapping.Relationship;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Deque;

/** Reads a persistent attribute through the enhancement contract, so that an unloaded one loads as on a field read. */
final class Attributes {
    private Attributes() {
    }

    /** The attribute's value after the interceptor had the chance to load it; call on the lane. */
    static Object read(Object instance, String attribute) {
        if (!(instance instanceof Enhanced entity)) {
            throw new InvalidRequestException(Messages.notEnhanced(instance));
        }
        int index = indexOf(instance.getClass(), attribute);
        if (index < 0) {
            throw new InvalidRequestException(Messages.noSuchAttribute(instance.getClass(), attribute));
        }
        AttributeInterceptor interceptor = entity.$athanor$interceptor();
        if (interceptor != null) {
            interceptor.beforeRead(entity, index);
        }
        return entity.$athanor$get(index);
    }

    /** Fields are numbered from the outermost enhanced superclass down, in declaration order. */
    static int indexOf(Class<?> type, String attribute) {
        Deque<EnhancedFields> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            EnhancedFields fields = c.getDeclaredAnnotation(EnhancedFields.class);
            if (fields != null) {
                chain.push(fields);
            }
        }
        int offset = 0;
        for (EnhancedFields fields : chain) {
            String[] names = fields.value();
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(attribute)) {
                    return offset + i;
                }
            }
            offset += names.length;
        }
        return -1;
    }

    /** Whether reading the relationship loads it: its strategy is neither RAISE nor NOLOAD. */
    static boolean loadsOnAccess(Class<?> type, String relationship) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Relationship r = f.getName().equals(relationship) ? f.getAnnotation(Relationship.class) : null;
                if (r != null) {
                    return r.lazy() != Lazy.RAISE && r.lazy() != Lazy.NOLOAD;
                }
            }
        }
        return true;
    }
}
