package io.athanor.weld.inheritance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import io.athanor.cdi.AthanorExtension;
import io.athanor.mapping.Registry;
import io.athanor.weld.inheritance.model.Contractor;
import io.athanor.weld.inheritance.model.Engineer;
import io.athanor.weld.inheritance.model.Manager;
import io.athanor.weld.inheritance.model.Staff;
import io.athanor.weld.support.TestDataSources;
import io.athanor.weld.support.TestJta;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of the extension's two sources finds the whole hierarchy, abstract base included, on its own: Weld SE booted
 * by hand (no scanning) with either the hierarchy's classes as the deployment's types and the processor's index
 * hidden, or the index and no mapped type.
 */
class DiscoveryTest {
    private static final String INDEX = "META-INF/athanor/mapped-classes";
    private static final Set<Class<?>> HIERARCHY = Set.of(Staff.class, Manager.class, Engineer.class,
            Contractor.class);

    @Test
    void processAnnotatedTypeAloneFindsTheAbstractBaseAndEverySubclass(@TempDir Path dir) throws IOException {
        assertEquals(HIERARCHY, mapped(dir, true, TestDataSources.class, Staff.class, Manager.class, Engineer.class,
                Contractor.class));
    }

    @Test
    void theIndexAloneFindsTheAbstractBaseAndEverySubclass(@TempDir Path dir) throws IOException {
        assertEquals(HIERARCHY, mapped(dir, false, TestDataSources.class));
    }

    @Test
    void withTheIndexHiddenAndNoMappedTypeNothingIsFound(@TempDir Path dir) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> mapped(dir, true, TestDataSources.class));
        String all = e + " " + List.of(e.getSuppressed());
        assertTrue(all.contains("ATHANOR-6006: the default unit maps no class"), all);
    }

    /** The default unit's mapped classes, deployed on {@code beans}; with {@code hideIndex}, no index is visible. */
    private static Set<Class<?>> mapped(Path dir, boolean hideIndex, Class<?>... beans) throws IOException {
        TestJta.init();
        Path config = dir.resolve("META-INF/microprofile-config.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "athanor.packages=" + Staff.class.getPackageName() + "\nathanor.datasource=jdbc/main\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return hideIndex && name.equals(INDEX) ? Collections.emptyEnumeration() : super.getResources(name);
            }
        }) {
            thread.setContextClassLoader(loader);
            try (WeldContainer container = new Weld().disableDiscovery().addExtension(new AthanorExtension())
                    .addExtension(new TransactionExtension()).addBeanClasses(beans).initialize()) {
                return Set.copyOf(container.select(Registry.class).get().mappedClasses());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
