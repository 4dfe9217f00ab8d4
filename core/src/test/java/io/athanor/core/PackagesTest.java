package io.athanor.core;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Session;
import io.athanor.core.spi.LoadingGuard;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package is split between the api and the core jar. A split package cannot load on the module path, and it
 * hides which jar a type comes from; api's internals live in {@code io.athanor.api.internal}, core's own SPI in
 * {@code io.athanor.core.spi}. The jars are read where the class loader found them: the modules' target/classes
 * in a reactor build, the jars otherwise.
 */
class PackagesTest {

    @Test
    void noPackageIsInBothTheApiAndTheCoreJar() throws Exception {
        Path api = codeSource(Session.class);
        Path core = codeSource(LoadingGuard.class);
        assertNotEquals(api, core, "api and core are loaded from two places");
        Set<String> apiPackages = packages(api);
        Set<String> corePackages = packages(core);
        assertTrue(apiPackages.contains("io.athanor"), api + " holds the api: " + apiPackages);
        assertTrue(corePackages.contains("io.athanor.internal"), core + " holds core: " + corePackages);

        Set<String> both = new TreeSet<>(apiPackages);
        both.retainAll(corePackages);
        assertTrue(both.isEmpty(), () -> "packages in both " + api + " and " + core + ": " + both
                + ". Give one side's classes a package of its own (as io.athanor.api.internal and io.athanor.core.spi)");
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The packages of the classes in a class directory or a jar, versioned and META-INF entries left out. */
    static Set<String> packages(Path classesOrJar) throws Exception {
        Set<String> packages = new TreeSet<>();
        if (Files.isDirectory(classesOrJar)) {
            try (Stream<Path> files = Files.walk(classesOrJar)) {
                files.map(f -> classesOrJar.relativize(f).toString().replace('\\', '/'))
                        .forEach(name -> addPackage(packages, name));
            }
        } else {
            try (JarFile jar = new JarFile(classesOrJar.toFile())) {
                jar.stream().map(JarEntry::getName).forEach(name -> addPackage(packages, name));
            }
        }
        return packages;
    }

    private static void addPackage(Set<String> packages, String name) {
        int slash = name.lastIndexOf('/');
        if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
            packages.add(name.substring(0, slash).replace('/', '.'));
        }
    }
}
