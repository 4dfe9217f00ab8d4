package io.athanor.ext.mutable;

import io.athanor.MappingException;
import io.athanor.spi.AttributeInfo;

/**
 * Found through {@link java.util.ServiceLoader}: tracks the attributes declared with a
 * {@link Mutable} type or annotated {@link AsMutable} (the Java forms of {@code as_mutable}).
 * Public only for the service loader.
 */
public final class DeclaredMutables extends TrackingListener {

    /** For the service loader. */
    public DeclaredMutables() {
    }

    @Override
    public boolean appliesTo(AttributeInfo attribute) {
        AsMutable declared = attribute.field().getAnnotation(AsMutable.class);
        if (declared != null) {
            if (!Mutable.class.isAssignableFrom(declared.value())) {
                throw new MappingException(Messages.notAMutable(declared.value()));
            }
            if (!attribute.javaType().isAssignableFrom(declared.value())) {
                throw new MappingException(Messages.asMutableOnWrongField(attribute.mappedClass(), attribute.name(),
                        attribute.genericType().getTypeName(), declared.value()));
            }
            return true;
        }
        return Mutable.class.isAssignableFrom(attribute.javaType());
    }

    @Override
    @SuppressWarnings("unchecked")
    Class<? extends Mutable> mutableType(AttributeInfo attribute) {
        AsMutable declared = attribute.field().getAnnotation(AsMutable.class);
        return declared != null ? declared.value() : (Class<? extends Mutable>) attribute.javaType();
    }
}
