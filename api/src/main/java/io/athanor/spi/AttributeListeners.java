package io.athanor.spi;

import io.athanor.api.internal.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners a Registry consults when it is built: those registered here plus those found with
 * {@link ServiceLoader}. Registering affects registries built afterwards, as SQLAlchemy's
 * {@code associate_with} affects mappers configured afterwards.
 */
public final class AttributeListeners {
    private static final List<AttributeListener> REGISTERED = new CopyOnWriteArrayList<>();

    private AttributeListeners() {
    }

    /** Adds a listener for registries built from now on. */
    public static void register(AttributeListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException(Messages.nullListener());
        }
        REGISTERED.add(listener);
    }

    /** Removes a listener registered here. */
    public static void unregister(AttributeListener listener) {
        REGISTERED.remove(listener);
    }

    /** Every listener: registered ones first, then those on the class path. */
    public static List<AttributeListener> all() {
        List<AttributeListener> all = new ArrayList<>(REGISTERED);
        for (AttributeListener l : ServiceLoader.load(AttributeListener.class, AttributeListeners.class.getClassLoader())) {
            all.add(l);
        }
        return all;
    }
}
