package io.athanor.ext.mutable;

import io.athanor.spi.AttributeInfo;
import io.athanor.spi.AttributeListeners;

/**
 * The effect of {@link Mutable#associateWith} or {@link Mutable#associateWithAttribute}: every
 * attribute of one column type, or one named attribute of one mapped class (and its subclasses),
 * tracks values of one mutable type, in registries built while the association is open. Closing it
 * affects registries built afterwards only; those already built keep tracking.
 */
public final class Association extends TrackingListener implements AutoCloseable {
    private final Class<? extends Mutable> mutableType;
    private final Class<?> columnType;
    private final Class<?> mappedClass;
    private final String attribute;

    private Association(Class<? extends Mutable> mutableType, Class<?> columnType, Class<?> mappedClass,
                        String attribute) {
        this.mutableType = mutableType;
        this.columnType = columnType;
        this.mappedClass = mappedClass;
        this.attribute = attribute;
    }

    static Association register(Class<? extends Mutable> mutableType, Class<?> columnType) {
        checkMutable(mutableType);
        return registered(new Association(mutableType, columnType, null, null));
    }

    static Association registerAttribute(Class<? extends Mutable> mutableType, Class<?> mappedClass, String attribute) {
        checkMutable(mutableType);
        if (mappedClass == null || attribute == null) {
            throw new IllegalArgumentException(Messages.noSuchAttribute(mappedClass, attribute));
        }
        java.lang.reflect.Field field = field(mappedClass, attribute);
        if (field == null) {
            throw new IllegalArgumentException(Messages.noSuchAttribute(mappedClass, attribute));
        }
        if (!field.getType().isAssignableFrom(mutableType)) {
            throw new IllegalArgumentException(Messages.asMutableOnWrongField(mappedClass, attribute,
                    field.getGenericType().getTypeName(), mutableType));
        }
        return registered(new Association(mutableType, null, mappedClass, attribute));
    }

    private static void checkMutable(Class<? extends Mutable> mutableType) {
        if (mutableType == null || !Mutable.class.isAssignableFrom(mutableType)) {
            throw new IllegalArgumentException(Messages.notAMutable(mutableType == null ? Void.class : mutableType));
        }
    }

    private static Association registered(Association association) {
        AttributeListeners.register(association);
        return association;
    }

    /** The field {@code name} declared by {@code type} or a superclass (a {@code @Mixin}), or {@code null}. */
    private static java.lang.reflect.Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The mutable type values are coerced to. */
    public Class<? extends Mutable> mutableType() {
        return mutableType;
    }

    /** The {@code @Column(type = ...)} class this association applies to; {@code null} for one attribute. */
    public Class<?> columnType() {
        return columnType;
    }

    /** The mapped class of {@link Mutable#associateWithAttribute} associations; {@code null} for a column type. */
    public Class<?> mappedClass() {
        return mappedClass;
    }

    /** The attribute of {@link #mappedClass()}; {@code null} for a column type. */
    public String attribute() {
        return attribute;
    }

    @Override
    public boolean appliesTo(AttributeInfo info) {
        boolean matches = mappedClass != null
                ? mappedClass.isAssignableFrom(info.mappedClass()) && info.name().equals(attribute)
                : info.columnType() == columnType;
        return matches && info.javaType().isAssignableFrom(mutableType)
                && !Mutable.class.isAssignableFrom(info.javaType())
                && !info.field().isAnnotationPresent(AsMutable.class);
    }

    @Override
    Class<? extends Mutable> mutableType(AttributeInfo attribute) {
        return mutableType;
    }

    /** Stops affecting registries built from now on. */
    @Override
    public void close() {
        AttributeListeners.unregister(this);
    }

    @Override
    public String toString() {
        return "Association[" + mutableType.getSimpleName() + " with "
                + (mappedClass != null ? mappedClass.getSimpleName() + "." + attribute : columnType.getSimpleName()) + "]";
    }
}
