package io.athanor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the metamodel cannot be generated for: a clear error on the element, never a crash. */
class InvalidMappingTest {
    @TempDir
    Path dir;

    private List<String> errors(Map<String, String> sources) {
        Compilation c = Compilation.compile(dir, sources);
        assertFalse(c.success, c::report);
        List<String> errors = c.messages(Diagnostic.Kind.ERROR);
        assertFalse(errors.isEmpty(), c::report);
        errors.forEach(e -> assertFalse(e.contains("Exception"), e));
        return errors;
    }

    @Test
    void rejectsMappedOnAnInterfaceAndAnEnum() {
        List<String> errors = errors(Map.of(
                "p.Shape", "package p; @io.athanor.mapping.Mapped public interface Shape { }",
                "p.Color", "package p; @io.athanor.mapping.Mapped public enum Color { RED }"));
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.contains("@Mapped applies to classes, but Shape is an interface"), errors::toString);
        assertTrue(errors.contains("@Mapped applies to classes, but Color is an enum"), errors::toString);
    }

    @Test
    void rejectsAPrivateNestedClass() {
        List<String> errors = errors(Map.of("p.Outer", """
                package p;
                public class Outer { @io.athanor.mapping.Mapped private static class Secret { Long id; } }
                """));
        assertEquals(List.of("@Mapped class p.Outer.Secret is private or nested in a private class;"
                + " the generated metamodel Outer_Secret_ cannot refer to it"), errors);
    }

    @Test
    void rejectsAFieldTypeTheMetamodelCannotName() {
        List<String> errors = errors(Map.of("p.Ticket", """
                package p;
                @io.athanor.mapping.Mapped
                public class Ticket { private enum State { OPEN } Long id; State state; }
                """));
        assertEquals(List.of("@Mapped class p.Ticket: field 'state' has type p.Ticket.State, which the generated"
                + " metamodel in package 'p' cannot refer to; make that type public (or package-private in the same package)"),
                errors);
    }

    @Test
    void rejectsAFieldThatHidesAMixinField() {
        List<String> errors = errors(Map.of(
                "p.Base", "package p; @io.athanor.mapping.Mixin public class Base { Long id; }",
                "p.Child", "package p; @io.athanor.mapping.Mapped public class Child extends Base { Long id; }"));
        assertEquals(List.of("@Mapped class p.Child: field 'id' of p.Child hides the field of the same name in p.Base;"
                + " the metamodel cannot hold both"), errors);
    }

    @Test
    void unresolvedFieldTypeIsLeftToJavac() {
        Compilation c = Compilation.compile(dir, Map.of("p.Order", """
                package p;
                @io.athanor.mapping.Mapped
                public class Order { Long id; Missing missing; }
                """));
        assertFalse(c.success);
        List<String> errors = c.messages(Diagnostic.Kind.ERROR);
        assertTrue(errors.stream().allMatch(e -> e.contains("cannot find symbol")), c::report);
    }
}
