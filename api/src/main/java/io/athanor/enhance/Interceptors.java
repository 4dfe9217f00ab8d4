package io.athanor.enhance;

import io.athanor.spi.Provider;

/** Called by enhanced constructors; hands each new instance to the engine. Not for application code. */
public final class Interceptors {
    private Interceptors() {
    }

    /** Attaches the engine's state to a newly constructed instance of an enhanced class. */
    public static void attach(Object instance) {
        Provider provider = Provider.Holder.optional();
        if (provider != null) {
            provider.attach(instance);
        }
    }
}
