package io.athanor.enhancer;

import io.athanor.enhance.EnhancedFields;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Mixin;
import io.athanor.mapping.Transient;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * The persistent-field rule of the enhancement contract, computed from type descriptions only (no
 * class loading), so that it gives the same answer for a class compiled in this build and for one
 * that was already enhanced in a jar.
 */
final class PersistentFields {

    /** Prefix of every member the enhancer adds; such fields are never persistent. */
    static final String PREFIX = "$athanor$";
    static final String INTERCEPTOR = PREFIX + "interceptor";
    static final String GET = PREFIX + "get";
    static final String SET = PREFIX + "set";
    static final String READ = PREFIX + "read$";
    static final String WRITE = PREFIX + "write$";

    private PersistentFields() {
    }

    /** Whether {@code type} is a class annotated {@code @Mapped} or {@code @Mixin}. */
    static boolean isEntity(TypeDescription type) {
        return !type.isInterface() && !type.isArray() && !type.isPrimitive()
                && (type.getDeclaredAnnotations().isAnnotationPresent(Mapped.class)
                        || type.getDeclaredAnnotations().isAnnotationPresent(Mixin.class));
    }

    /** Whether the enhancer already rewrote {@code type}. */
    static boolean isEnhanced(TypeDescription type) {
        return type.getDeclaredAnnotations().isAnnotationPresent(EnhancedFields.class);
    }

    /** Whether {@code field}, declared by an entity, is persistent. */
    static boolean isPersistent(FieldDescription.InDefinedShape field) {
        return !field.isStatic()
                && !field.isTransient()
                && !field.isSynthetic()
                && !field.getName().startsWith(PREFIX)
                && !field.getDeclaredAnnotations().isAnnotationPresent(Transient.class);
    }

    /** The persistent fields {@code type} declares itself, in class-file order; empty for non-entities. */
    static List<FieldDescription.InDefinedShape> declaredBy(TypeDescription type) {
        List<FieldDescription.InDefinedShape> fields = new ArrayList<>();
        if (isEntity(type)) {
            for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
                if (isPersistent(field)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** The index of the first field {@code type} declares: the persistent-field count of its ancestors. */
    static int baseIndex(TypeDescription type) {
        int count = 0;
        for (TypeDescription ancestor = superClass(type); ancestor != null; ancestor = superClass(ancestor)) {
            count += declaredBy(ancestor).size();
        }
        return count;
    }

    /** Whether an ancestor of {@code type} is an entity, which then declares the interceptor. */
    static boolean hasEntityAncestor(TypeDescription type) {
        for (TypeDescription ancestor = superClass(type); ancestor != null; ancestor = superClass(ancestor)) {
            if (isEntity(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** A persistent field of an entity ancestor of {@code type} named {@code name}, or {@code null}. */
    static FieldDescription.InDefinedShape inheritedNamed(TypeDescription type, String name) {
        for (TypeDescription ancestor = superClass(type); ancestor != null; ancestor = superClass(ancestor)) {
            for (FieldDescription.InDefinedShape field : declaredBy(ancestor)) {
                if (field.getName().equals(name)) {
                    return field;
                }
            }
        }
        return null;
    }

    /**
     * Resolves a field instruction as the JVM does (the owner, then its superclasses) and returns the
     * field if it is persistent, else {@code null}; also {@code null} when a type cannot be resolved.
     */
    static FieldDescription.InDefinedShape resolve(TypePool pool, String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            return null;
        }
        TypePool.Resolution resolution = pool.describe(owner.replace('/', '.'));
        if (!resolution.isResolved()) {
            return null;
        }
        try {
            for (TypeDescription type = resolution.resolve(); type != null; type = superClass(type)) {
                for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
                    if (field.getName().equals(name) && field.getDescriptor().equals(descriptor)) {
                        return isEntity(type) && isPersistent(field) ? field : null;
                    }
                }
            }
        } catch (IllegalStateException unresolvable) {
            return null; // a superclass is missing from the class path: nothing we could enhance
        }
        return null;
    }

    private static TypeDescription superClass(TypeDescription type) {
        TypeDescription.Generic superClass = type.getSuperClass();
        return superClass == null ? null : superClass.asErasure();
    }
}
