package io.athanor.enhance;

/**
 * The enhancement contract: implemented by every mapped or mixin class that Athanor's build plugin
 * rewrote. Persistent fields are numbered from the outermost enhanced superclass down, in
 * declaration order (see {@link EnhancedFields}); the raw accessors read and write those fields
 * without interception, for the engine's own use when loading rows.
 *
 * <p>Not for application code: the method names start with {@code $athanor$} so they never clash.
 */
public interface Enhanced {

    /** The interceptor attached to this instance, or {@code null} while it has none. */
    AttributeInterceptor $athanor$interceptor();

    /** Attaches (or detaches, with {@code null}) the interceptor. */
    void $athanor$interceptor(AttributeInterceptor interceptor);

    /** Reads persistent field {@code index} without interception (primitives boxed). */
    Object $athanor$get(int index);

    /** Writes persistent field {@code index} without interception ({@code null} sets a primitive to zero). */
    void $athanor$set(int index, Object value);
}
