package io.athanor.ext.mutable;

import io.athanor.spi.AttributeInfo;
import io.athanor.spi.AttributeListener;

/**
 * Coerces values entering a tracked attribute to its mutable type and links them to the instance;
 * unlinks them when the instance leaves its session. Subclasses decide which attributes and type.
 */
abstract class TrackingListener implements AttributeListener {

    /** The mutable type of an attribute this listener applies to. */
    abstract Class<? extends Mutable> mutableType(AttributeInfo attribute);

    private Object track(Object instance, AttributeInfo attribute, Object value) {
        Object kept = Coercion.coerce(mutableType(attribute), attribute.mappedClass(), attribute.name(), value);
        if (kept instanceof Mutable m) {
            m.link(instance, attribute.name());
        }
        return kept;
    }

    @Override
    public Object onLoad(Object instance, AttributeInfo attribute, Object value) {
        return track(instance, attribute, value);
    }

    @Override
    public Object onSet(Object instance, AttributeInfo attribute, Object value) {
        return track(instance, attribute, value);
    }

    @Override
    public Object onAttach(Object instance, AttributeInfo attribute, Object value) {
        return track(instance, attribute, value);
    }

    @Override
    public void onDetach(Object instance, AttributeInfo attribute, Object value) {
        if (value instanceof Mutable m) {
            m.unlink(instance, attribute.name());
        }
    }
}
