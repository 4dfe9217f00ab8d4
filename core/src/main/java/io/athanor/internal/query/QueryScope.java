package io.athanor.internal.query;

import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RegistryImpl;
import java.util.function.Supplier;

/**
 * The registry a statement is being compiled for, so that parts rendered later by jOOQ (the
 * {@code any()}/{@code has()} conditions) find the same mappers. Sessions are confined to one
 * thread, so a thread-local scope is enough; outside a scope the class's latest mapper is used.
 */
public final class QueryScope {
    private static final ThreadLocal<RegistryImpl> REGISTRY = new ThreadLocal<>();

    private QueryScope() {
    }

    /** Runs {@code work} with {@code registry} in scope. */
    public static <T> T with(RegistryImpl registry, Supplier<T> work) {
        RegistryImpl previous = REGISTRY.get();
        REGISTRY.set(registry);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                REGISTRY.remove();
            } else {
                REGISTRY.set(previous);
            }
        }
    }

    /** The mapper of a class in the current scope. */
    public static Mapper mapper(Class<?> type) {
        RegistryImpl registry = REGISTRY.get();
        return registry != null ? registry.mapper(type) : RegistryImpl.lastMapperOf(type);
    }
}
