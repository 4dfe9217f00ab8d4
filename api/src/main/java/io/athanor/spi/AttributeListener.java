package io.athanor.spi;

/**
 * Observes values as they enter mapped attributes, and may replace them: the hook behind
 * SQLAlchemy's attribute events that mutation tracking ({@code Mutable.coerce}) is built on.
 * Listeners are found with {@link java.util.ServiceLoader} and through
 * {@link AttributeListeners#register}, and asked once per attribute, when a Registry is built,
 * whether they apply to it.
 */
public interface AttributeListener {

    /** Whether this listener wants the events of {@code attribute}. */
    boolean appliesTo(AttributeInfo attribute);

    /** A value loaded from a row into {@code instance}; returns the value to keep. */
    default Object onLoad(Object instance, AttributeInfo attribute, Object value) {
        return value;
    }

    /**
     * A value the application assigned; returns the value to keep (the field is set to it). A
     * {@link RuntimeException} thrown here refuses the value: the field gets its previous value back
     * and the exception reaches the code that assigned it.
     */
    default Object onSet(Object instance, AttributeInfo attribute, Object value) {
        return value;
    }

    /**
     * The instance entered a session ({@code add()} of a transient or detached instance) holding this
     * non-null value, which may have been assigned before Athanor saw the instance; returns the value
     * to keep (the field is set to it without recording a change).
     */
    default Object onAttach(Object instance, AttributeInfo attribute, Object value) {
        return value;
    }

    /** The instance left its session (expunged, closed or detached), so values may stop reporting to it. */
    default void onDetach(Object instance, AttributeInfo attribute, Object value) {
    }
}
