package io.athanor.cdi.internal;

import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the container's {@code ManagedExecutorService} for the async sessions, without a compile-time
 * dependency on the Jakarta Concurrency API (it is an {@link Executor}): a bean of that type when one
 * resolves (Concurrency 3.1 makes the default one injectable), else the default instance in JNDI.
 */
final class ManagedExecutors {
    static final String TYPE = "jakarta.enterprise.concurrent.ManagedExecutorService";
    static final String DEFAULT_NAME = "java:comp/DefaultManagedExecutorService";

    private ManagedExecutors() {
    }

    /** The managed executor, or {@code null} outside a container that has one. */
    static Executor find(BeanManager bm) {
        Executor bean = bean(bm);
        return bean != null ? bean : jndi();
    }

    private static Executor bean(BeanManager bm) {
        Class<?> type;
        try {
            type = Class.forName(TYPE, false, loader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        Set<Bean<?>> beans = bm.getBeans(type);
        if (beans.isEmpty()) {
            return null;
        }
        try {
            Bean<?> bean = bm.resolve(beans);
            return bean == null ? null : (Executor) bm.getReference(bean, type, bm.createCreationalContext(bean));
        } catch (AmbiguousResolutionException e) {
            return null;
        }
    }

    private static Executor jndi() {
        try {
            return new InitialContext().lookup(DEFAULT_NAME) instanceof Executor e ? e : null;
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }

    private static ClassLoader loader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : ManagedExecutors.class.getClassLoader();
    }
}
