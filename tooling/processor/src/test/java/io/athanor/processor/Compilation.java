package io.athanor.processor;

import io.athanor.mapping.Mapped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles in-memory sources with the metamodel processor into a temporary directory. */
final class Compilation {
    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    final Path generated;
    final Path classes;

    private Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path generated, Path classes) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.generated = generated;
        this.classes = classes;
    }

    /** Compiles sources given as binary-style names ({@code "p.User"}) to source text. */
    static Compilation compile(Path dir, Map<String, String> sources, Processor... extraProcessors) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            Path generated = Files.createDirectories(dir.resolve("generated"));
            Path classes = Files.createDirectories(dir.resolve("classes"));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath());
            List<JavaFileObject> units = sources.entrySet().stream()
                    .map(e -> source(e.getKey(), e.getValue()))
                    .collect(Collectors.toList());
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, collector,
                    List.of("-Xlint:all,-processing"), null, units);
            List<Processor> processors = new ArrayList<>(List.of(extraProcessors));
            processors.add(0, new MetamodelProcessor());
            task.setProcessors(processors);
            boolean success = task.call();
            return new Compilation(success, collector.getDiagnostics(), generated, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a generated source, by qualified class name. */
    String generatedSource(String qualifiedName) {
        try {
            return Files.readString(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean hasGenerated(String qualifiedName) {
        return Files.exists(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
    }

    /** The content of a resource in the class output, or {@code null}. */
    String resource(String path) throws IOException {
        Path file = classes.resolve(path);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    /** Diagnostics of the given kind, as "message" strings. */
    List<String> messages(Diagnostic.Kind kind) {
        return diagnostics.stream()
                .filter(d -> d.getKind() == kind)
                .map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }

    /** All diagnostics, for assertion messages. */
    String report() {
        return diagnostics.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    /** A class loader over the compiled classes, with jOOQ and the api from the test's class path. */
    URLClassLoader classLoader() throws MalformedURLException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compilation.class.getClassLoader());
    }

    private static List<Path> classPath() {
        List<Path> path = new ArrayList<>();
        for (String marker : List.of(Mapped.class.getName(), "org.jooq.Field", "org.reactivestreams.Publisher", "io.r2dbc.spi.Connection")) {
            try {
                Class<?> type = Class.forName(marker, false, Compilation.class.getClassLoader());
                path.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (ClassNotFoundException absent) {
                // optional dependency of jOOQ
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return path;
    }

    private static JavaFileObject source(String className, String text) {
        URI uri = URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }
}
