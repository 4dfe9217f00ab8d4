package io.athanor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.MappingException;
import io.athanor.core.broken.Broken;
import io.athanor.core.model.Audited;
import io.athanor.mapping.Registry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mapping mistake fails when the Registry is built, with a message naming the class, the field and the fix. */
class MappingErrorsTest {
    private static final String B = "io.athanor.core.broken.Broken$";

    private static String message(Class<?>... classes) {
        return assertThrows(MappingException.class, () -> Registry.of(classes)).getMessage();
    }

    @Test
    void notMapped() {
        assertEquals("ATHANOR-1001: " + B + "NotMapped is not a mapped class: annotate it with @Mapped",
                message(Broken.NotMapped.class));
    }

    @Test
    void mixinPassedDirectly() {
        assertEquals("ATHANOR-1001: io.athanor.core.model.Audited is not a mapped class: annotate it with @Mapped (it is "
                + "a @Mixin: mixins are mapped through their @Mapped subclasses, pass those instead)",
                message(Audited.class));
    }

    @Test
    void noPrimaryKey() {
        assertEquals("ATHANOR-1002: " + B + "NoKey has no primary key: annotate one field (or several, for a composite "
                + "key) with @Id", message(Broken.NoKey.class));
    }

    @Test
    void noConstructor() {
        assertEquals("ATHANOR-1004: " + B + "NoConstructor has no constructor without arguments: add one (it may be "
                + "private) so Athanor can create instances when it loads rows", message(Broken.NoConstructor.class));
    }

    @Test
    void unsupportedType() {
        assertEquals("ATHANOR-1005: " + B + "UnsupportedType.counter has type java.util.concurrent.atomic.AtomicLong, "
                + "which has no column type: use a supported type, set @Column(type = ...) to a ColumnType or Json, or "
                + "mark the field @Transient", message(Broken.UnsupportedType.class));
    }

    @Test
    void versionOfWrongType() {
        assertEquals("ATHANOR-1006: " + B + "StringVersion.version is a @Version column of type java.lang.String: "
                + "version counters must be int, Integer, long or Long", message(Broken.StringVersion.class));
    }

    @Test
    void twoVersions() {
        assertEquals("ATHANOR-1007: " + B + "TwoVersions has two @Version fields, first and second: keep one",
                message(Broken.TwoVersions.class));
    }

    @Test
    void malformedForeignKey() {
        assertEquals("ATHANOR-1008: " + B + "MalformedForeignKey.ownerId has @ForeignKey(\"owners\"): write the "
                + "referenced column as \"table.column\", for example @ForeignKey(\"users.id\")",
                message(Broken.MalformedForeignKey.class));
    }

    @Test
    void unknownForeignTable() {
        assertEquals("ATHANOR-1009: " + B + "UnknownForeignTable.ownerId references table 'nowhere', which no class in "
                + "this Registry maps (mapped tables: unknown_foreign_table): fix the name or add the class to the "
                + "Registry", message(Broken.UnknownForeignTable.class));
    }

    @Test
    void unknownForeignColumn() {
        assertEquals("ATHANOR-1010: " + B + "UnknownForeignColumn.targetId references column 'nope' of table 'target', "
                + "which has no such column (columns: id)",
                message(Broken.Target.class, Broken.UnknownForeignColumn.class));
    }

    @Test
    void duplicateTable() {
        assertEquals("ATHANOR-1011: " + B + "FirstDup and " + B + "SecondDup are both mapped to table 'dup': give one "
                + "of them another @Mapped(table = ...)", message(Broken.FirstDup.class, Broken.SecondDup.class));
    }

    @Test
    void duplicateColumn() {
        assertEquals("ATHANOR-1012: " + B + "SameColumn maps fields a and b to the same column 'x': rename one with "
                + "@Column(name = ...)", message(Broken.SameColumn.class));
    }

    @Test
    void notAColumnType() {
        assertEquals("ATHANOR-1013: " + B + "NotAColumnType.value has @Column(type = java.lang.String.class), which is "
                + "neither a column type of io.athanor.types (Json, JsonText, SqlArray, Serialized) nor a ColumnType: "
                + "use one of those",
                message(Broken.NotAColumnType.class));
    }

    @Test
    void uninstantiableColumnType() {
        String m = message(Broken.UninstantiableType.class);
        assertTrue(m.startsWith("ATHANOR-1014: " + B + "UninstantiableType.value uses ColumnType " + B
                + "HiddenConstructorType, which cannot be created ("), m);
        assertTrue(m.endsWith("): give it a public constructor without arguments"), m);
    }

    @Test
    void mismatchedColumnType() {
        assertEquals("ATHANOR-1015: " + B + "MismatchedType.value has type java.lang.String but its ColumnType converts "
                + "java.lang.Integer: make the field's type and the ColumnType's javaType() agree",
                message(Broken.MismatchedType.class));
    }

    @Test
    void abstractMappedClass() {
        assertEquals("ATHANOR-1016: " + B + "AbstractEntity is abstract and cannot be instantiated when rows load: make "
                + "it concrete, or turn it into a @Mixin of concrete @Mapped classes",
                message(Broken.AbstractEntity.class));
    }

    @Test
    void versionAsKey() {
        assertEquals("ATHANOR-1017: " + B + "VersionedKey.id is both @Id and @Version: a version counter changes on "
                + "every update and cannot be part of the identity; use two fields",
                message(Broken.VersionedKey.class));
    }

    @Test
    void unstorableColumnType() {
        assertEquals("ATHANOR-1018: " + B + "UnstorableType.value uses ColumnType " + B + "ThreadStoredType whose "
                + "storedAs() is class java.lang.Thread, which is not a built-in column type: store a String, number, "
                + "date, UUID or byte[]", message(Broken.UnstorableType.class));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String m = message(Broken.NoKey.class, Broken.TwoVersions.class, Broken.FirstDup.class, Broken.SecondDup.class);
        assertTrue(m.startsWith("ATHANOR-1000: the Registry found 3 mapping problems:\n  - ATHANOR-1002"), m);
        assertTrue(m.contains("\n  - ATHANOR-1007"), m);
        assertTrue(m.contains("\n  - ATHANOR-1011"), m);
    }

    @Test
    void problemsListsEachProblemWithItsIdInOrder() {
        String noKey = "ATHANOR-1002: " + B + "NoKey has no primary key: annotate one field (or several, for a "
                + "composite key) with @Id";
        String twoVersions = "ATHANOR-1007: " + B + "TwoVersions has two @Version fields, first and second: keep one";
        MappingException e = assertThrows(MappingException.class,
                () -> Registry.of(Broken.NoKey.class, Broken.TwoVersions.class));
        assertEquals(List.of(noKey, twoVersions), e.problems());
        assertEquals("ATHANOR-1000: the Registry found 2 mapping problems:\n  - " + noKey + "\n  - " + twoVersions,
                e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> e.problems().add("ATHANOR-1999: more"));

        MappingException reversed = assertThrows(MappingException.class,
                () -> Registry.of(Broken.TwoVersions.class, Broken.NoKey.class));
        assertEquals(List.of(twoVersions, noKey), reversed.problems());
    }

    @Test
    void aSingleProblemIsAOneElementList() {
        MappingException e = assertThrows(MappingException.class, () -> Registry.of(Broken.NoKey.class));
        assertEquals(List.of(e.getMessage()), e.problems());
        MappingException empty = assertThrows(MappingException.class, () -> Registry.of());
        assertEquals(List.of("ATHANOR-1022: a Registry needs at least one @Mapped class"), empty.problems());
    }

    @Test
    void emptyRegistry() {
        assertEquals("ATHANOR-1022: a Registry needs at least one @Mapped class", message());
    }

    @Test
    void scanWithoutIndex() {
        MappingException e = assertThrows(MappingException.class, () -> Registry.scan("no.such.pkg"));
        assertTrue(e.getMessage().startsWith("ATHANOR-1019: Registry.scan(\"no.such.pkg\") found no @Mapped class"),
                e.getMessage());
    }

    @Test
    void scanFindsMappedClassesThroughTheIndex() {
        Registry r = Registry.scan("io.athanor.core.model");
        assertTrue(r.mappedClasses().contains(io.athanor.core.model.User.class), r.mappedClasses().toString());
        assertEquals("users", r.tableOf(io.athanor.core.model.User.class));
    }

    /**
     * Compiles {@code plain.Unenhanced}, a mapped class the enhancer never saw, into {@code dir}; the caller closes the
     * loader.
     */
    private URLClassLoader unenhanced(Path dir) throws IOException {
        Path src = dir.resolve("plain/Unenhanced.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package plain;\n@io.athanor.mapping.Mapped public class Unenhanced {\n"
                + "  @io.athanor.mapping.Id Long id;\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-proc:none", "-classpath", System.getProperty("java.class.path"),
                "-d", dir.toString(), src.toString());
        assertEquals(0, rc);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void unenhancedClass(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = unenhanced(dir)) {
            Class<?> unenhanced = loader.loadClass("plain.Unenhanced");
            String m = message(unenhanced);
            assertTrue(m.startsWith("ATHANOR-1003: plain.Unenhanced was not enhanced at build time, so Athanor cannot "
                    + "track its fields. Add the Athanor enhancer to the module that compiles it (pom.xml, "
                    + "<build><plugins>):\n<plugin>"), m);
            assertTrue(m.contains("<artifactId>athanor-enhancer</artifactId>"), m);
        }
    }

    @Test
    void aMultiLineProblemKeepsItsLinesInProblems(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = unenhanced(dir)) {
            Class<?> unenhanced = loader.loadClass("plain.Unenhanced");
            String alone = message(unenhanced);
            assertTrue(alone.contains("\n<plugin>"), alone);
            MappingException e = assertThrows(MappingException.class, () -> Registry.of(unenhanced, Broken.NoKey.class));
            assertEquals(List.of(alone, message(Broken.NoKey.class)), e.problems());
            assertTrue(e.getMessage().contains("\n    <plugin>"), e.getMessage());
        }
    }
}
