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
}
