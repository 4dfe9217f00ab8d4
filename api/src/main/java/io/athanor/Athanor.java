package io.athanor;

import io.athanor.spi.Provider;

/** Entry points that are not tied to a session. */
public final class Athanor {
    private Athanor() {
    }

    /**
     * What Athanor knows about a mapped instance: SQLAlchemy's {@code inspect(obj)}.
     *
     * @throws InvalidRequestException when the object is not an instance of a mapped, enhanced class
     */
    public static InstanceState inspect(Object instance) {
        return Provider.get().inspect(instance);
    }

    /**
     * Marks an attribute as changed although no new value was assigned, so the next flush writes it:
     * SQLAlchemy's {@code flag_modified}, for values changed in place (a mutated map or list).
     *
     * @throws InvalidRequestException when the instance is not mapped or has no such attribute
     */
    public static void flagModified(Object instance, String attribute) {
        Provider.get().flagModified(instance, attribute);
    }
}
