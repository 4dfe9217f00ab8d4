package io.athanor.mapping;

import io.athanor.Engine;
import io.athanor.spi.Provider;
import java.util.Collection;
import java.util.Set;

/**
 * All mapped classes, configured and validated together: SQLAlchemy's {@code registry} and
 * {@code MetaData}. Building one checks every mapping and raises {@link io.athanor.MappingException}
 * listing every mistake found. Immutable and thread-safe.
 */
public interface Registry {

    /** A registry of the given mapped classes (and the {@code @Mixin} classes they extend). */
    static Registry of(Class<?>... classes) {
        return Provider.get().registry(java.util.List.of(classes));
    }

    /** A registry of the given mapped classes. */
    static Registry of(Collection<Class<?>> classes) {
        return Provider.get().registry(classes);
    }

    /** A registry of every {@code @Mapped} class in the package and its sub-packages, found on the class path. */
    static Registry scan(String packageName) {
        return Provider.get().scan(packageName, Thread.currentThread().getContextClassLoader());
    }

    /** The mapped classes. */
    Set<Class<?>> mappedClasses();

    /** The table a class is mapped to. */
    String tableOf(Class<?> mappedClass);

    /** Creates the tables, foreign keys and indexes that do not exist yet, in dependency order. */
    void createAll(Engine engine);

    /** Drops the tables that exist, dependents first. */
    void dropAll(Engine engine);

    /** The DDL statements {@link #createAll(Engine)} runs on a fresh database, for review. */
    java.util.List<String> createDdl(Engine engine);
}
