package io.athanor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Less common shapes of mapped classes that must still give warning-free metamodels. */
class EdgeCaseTest {
    @TempDir
    Path dir;

    private Compilation compileClean(Map<String, String> sources) {
        Compilation c = Compilation.compile(dir, sources);
        assertTrue(c.success, c::report);
        assertEquals(List.of(), c.messages(Diagnostic.Kind.WARNING), c::report);
        assertEquals(List.of(), c.messages(Diagnostic.Kind.MANDATORY_WARNING), c::report);
        return c;
    }

    @Test
    void isRegisteredAsAService() {
        assertTrue(ServiceLoader.load(Processor.class).stream()
                .anyMatch(p -> p.type() == MetamodelProcessor.class));
    }

    @Test
    void genericMappedClassUsesErasureAndWildcards() {
        Compilation c = compileClean(Map.of("p.Box", """
                package p;
                import java.util.*;
                @io.athanor.mapping.Mapped
                public class Box<T extends Comparable<T>> {
                    T value;
                    List<T> items;
                    @SuppressWarnings("rawtypes") List raw;
                    Map<String, ? extends Number> numbers;
                    List<String>[] pages;
                }
                """));
        String source = c.generatedSource("p.Box_");
        assertTrue(source.contains("ColumnAttribute<Comparable<?>> value = new ColumnAttribute<>(Box.class, \"value\", \"box\", \"value\", (Class<Comparable<?>>) (Class<?>) Comparable.class);"), source);
        assertTrue(source.contains("ColumnAttribute<java.util.List<?>> items = "), source);
        assertTrue(source.contains("ColumnAttribute<java.util.List<?>> raw = "), source);
        assertTrue(source.contains("ColumnAttribute<java.util.Map<String, ? extends Number>> numbers = "), source);
        assertTrue(source.contains("ColumnAttribute<java.util.List<String>[]> pages = new ColumnAttribute<>(Box.class, \"pages\", \"box\", \"pages\", (Class<java.util.List<String>[]>) (Class<?>) java.util.List[].class);"), source);
    }

    @Test
    void recordsAndTheUnnamedPackageWork() throws Exception {
        Compilation c = compileClean(Map.of(
                "Point", "@io.athanor.mapping.Mapped(table = \"points\") public record Point(int x, int y) { }"));
        String source = c.generatedSource("Point_");
        assertTrue(source.startsWith("import io.athanor.metamodel.ColumnAttribute;"), source);
        assertTrue(source.contains("ColumnAttribute<Integer> x = new ColumnAttribute<>(Point.class, \"x\", \"points\", \"x\", Integer.class);"), source);
        assertEquals("Point\n", c.resource(MappedClassIndex.RESOURCE));
    }
}
