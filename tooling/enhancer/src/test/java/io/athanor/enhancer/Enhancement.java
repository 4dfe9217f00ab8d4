package io.athanor.enhancer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.build.EntryPoint;
import net.bytebuddy.build.Plugin;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.inline.MethodNameTransformer;

/**
 * Runs {@link AthanorPlugin} the way {@code byte-buddy-maven-plugin} does (a rebasing
 * {@link Plugin.Engine} over a folder of class files) on the compiled test fixtures, and loads the
 * result child-first so that the tests see the enhanced classes.
 */
final class Enhancement {

    private Enhancement() {
    }

    /** Copies the class files of {@code pkg} (not its subpackages) from the test classes into {@code dir}. */
    static Path copyPackage(String pkg, Path dir) throws IOException {
        Path classes = Paths.get(testClasses());
        Path from = classes.resolve(pkg.replace('.', '/'));
        Path to = dir.resolve(pkg.replace('.', '/'));
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    /** Enhances every class file in {@code in} into {@code out}. */
    static Plugin.Engine.Summary run(Path in, Path out) throws IOException {
        Files.createDirectories(out);
        return Plugin.Engine.Default.of(EntryPoint.Default.REBASE, ClassFileVersion.JAVA_V17,
                        MethodNameTransformer.Suffixing.withRandomSuffix())
                .with(ClassFileLocator.ForClassLoader.of(Enhancement.class.getClassLoader()))
                .withErrorHandlers(Plugin.Engine.ErrorHandler.Enforcing.ALL_TYPES_RESOLVED,
                        Plugin.Engine.ErrorHandler.Failing.FAIL_LAST)
                .apply(new Plugin.Engine.Source.ForFolder(in.toFile()),
                        new Plugin.Engine.Target.ForFolder(out.toFile()),
                        List.of(new Plugin.Factory.Simple(new AthanorPlugin())));
    }

    /** A loader that defines classes of {@code pkg} from {@code dir} itself and delegates all others. */
    static ClassLoader load(Path dir, String pkg) {
        try {
            return new ChildFirst(new URL[] {dir.toUri().toURL()}, pkg + ".");
        } catch (MalformedURLException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static String testClasses() {
        try {
            return Paths.get(Enhancement.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException exception) {
            throw new IllegalStateException(exception);
        }
    }

    private static final class ChildFirst extends URLClassLoader {
        private final String prefix;

        ChildFirst(URL[] urls, String prefix) {
            super(urls, Enhancement.class.getClassLoader());
            this.prefix = prefix;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(prefix)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = findClass(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }
}
