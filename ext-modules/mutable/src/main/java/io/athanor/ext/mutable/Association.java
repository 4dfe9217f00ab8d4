package io.athanor.ext.mutable;

import io.athanor.spi.AttributeInfo;
import io.athanor.spi.AttributeListeners;

/**
 * The effect of {@link Mutable#associateWith}: every attribute of one column type tracks values of one
 * mutable type, in registries built while the association is open. Closing it affects registries built
 * afterwards only; those already built keep tracking.
 */
public final class Association extends TrackingListener implements AutoCloseable {
    private final Class<? extends Mutable> mutableType;
    private final Class<?> columnType;

    private Association(Class<? extends Mutable> mutableType, Class<?> columnType) {
        this.mutableType = mutableType;
        this.columnType = columnType;
    }

    static Association register(Class<? extends Mutable> mutableType, Class<?> columnType) {
        if (mutableType == null || !Mutable.class.isAssignableFrom(mutableType)) {
            throw new IllegalArgumentException(Messages.notAMutable(mutableType == null ? Void.class : mutableType));
        }
        Association association = new Association(mutableType, columnType);
        AttributeListeners.register(association);
        return association;
    }

    /** The mutable type values are coerced to. */
    public Class<? extends Mutable> mutableType() {
        return mutableType;
    }

    /** The {@code @Column(type = ...)} class this association applies to. */
    public Class<?> columnType() {
        return columnType;
    }

    @Override
    public boolean appliesTo(AttributeInfo attribute) {
        return attribute.columnType() == columnType && attribute.javaType().isAssignableFrom(mutableType)
                && !Mutable.class.isAssignableFrom(attribute.javaType())
                && !attribute.field().isAnnotationPresent(AsMutable.class);
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
        return "Association[" + mutableType.getSimpleName() + " with " + columnType.getSimpleName() + "]";
    }
}
