package io.athanor.enhance;

/**
 * Receives every read and write of a persistent field of an {@link Enhanced} instance. The engine's
 * instance state implements it to load expired attributes, record history and mark changes.
 */
public interface AttributeInterceptor {

    /** Called before field {@code index} is read; may load the value into the field. */
    void beforeRead(Enhanced entity, int index);

    /** Called after field {@code index} was written with {@code newValue}; {@code oldValue} is what it held. */
    void afterWrite(Enhanced entity, int index, Object oldValue, Object newValue);
}
