package io.athanor.enhancer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.enhance.AttributeInterceptor;
import io.athanor.enhance.Enhanced;
import io.athanor.enhance.EnhancedFields;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enhances the classes of the {@code fixture} package and checks the contract on the loaded result. */
class AthanorPluginTest {

    private static final String PKG = "io.athanor.enhancer.fixture";

    @TempDir
    static Path tmp;
    private static Plugin.Engine.Summary summary;
    private static ClassLoader loader;

    private final Recorder recorder = new Recorder();

    @BeforeAll
    static void enhance() throws Exception {
        Path in = Enhancement.copyPackage(PKG, tmp.resolve("in"));
        summary = Enhancement.run(in, tmp.resolve("out"));
        assertEquals(Map.of(), summary.getFailed());
        loader = Enhancement.load(tmp.resolve("out"), PKG);
    }

    @Test
    void transformsEntitiesAndAccessingClassesOnly() throws Exception {
        List<String> transformed = summary.getTransformed().stream().map(TypeDescription::getSimpleName)
                .sorted().collect(Collectors.toList());
        assertEquals(List.of("Audited", "Employee", "Empty", "Gadget", "Guest", "Person", "PersonAccess", "Tagged"),
                transformed);
        for (String name : List.of("Untouched", "Plain")) {
            String file = PKG.replace('.', '/') + "/" + name + ".class";
            assertArrayEquals(Files.readAllBytes(tmp.resolve("in").resolve(file)),
                    Files.readAllBytes(tmp.resolve("out").resolve(file)), name);
        }
    }

    @Test
    void annotatesOwnPersistentFieldsInIndexOrder() throws Exception {
        assertEquals(List.of("id", "createdBy"), enhancedFields("Audited"));
        assertEquals(List.of("name", "age", "score", "active", "tags"), enhancedFields("Person"));
        assertEquals(List.of("salary"), enhancedFields("Employee"));
        assertEquals(List.of("b", "s", "c", "i", "l", "f", "d", "z", "parts"), enhancedFields("Gadget"));
        assertEquals(List.of("label"), enhancedFields("Tagged"));
        assertEquals(List.of(), enhancedFields("Guest"));
        assertEquals(List.of(), enhancedFields("Empty"));
    }

    @Test
    void outermostEntityDeclaresTheInterceptor() throws Exception {
        for (String name : List.of("Audited", "Person", "Employee", "Gadget", "Tagged", "Guest", "Empty")) {
            assertTrue(Enhanced.class.isAssignableFrom(type(name)), name);
        }
        Field field = type("Audited").getDeclaredField("$athanor$interceptor");
        assertTrue(Modifier.isPrivate(field.getModifiers()) && Modifier.isTransient(field.getModifiers()));
        assertThrows(NoSuchFieldException.class, () -> type("Person").getDeclaredField("$athanor$interceptor"));
        assertThrows(NoSuchFieldException.class, () -> type("Employee").getDeclaredField("$athanor$interceptor"));
        Enhanced person = (Enhanced) create("Person");
        assertNull(person.$athanor$interceptor());
        person.$athanor$interceptor(recorder);
        assertEquals(recorder, person.$athanor$interceptor());
    }

    @Test
    void interceptsAccessesInsideTheEntity() throws Exception {
        Object person = attached(create("Person"));
        call(person, "rename", "Bob");
        assertEquals("Bob", call(person, "name"));
        assertEquals(List.of("write 2 null -> Bob", "read 2"), recorder.events);
    }

    @Test
    void interceptsConstructorWritesAfterSuper() throws Exception {
        Constructor<?> constructor = type("Person").getConstructor(AttributeInterceptor.class, String.class, int.class);
        constructor.newInstance(recorder, "Ann", 30);
        assertEquals(List.of("write 2 null -> Ann", "write 3 0 -> 30", "write 6 null -> []"), recorder.events);
    }

    @Test
    void interceptsReadsOfAnotherInstanceBeforeThisCall() throws Exception {
        Object other = attached(type("Person").getConstructor(AttributeInterceptor.class, String.class, int.class)
                .newInstance(null, "Ann", 30));
        Object copy = type("Person").getConstructor(type("Person")).newInstance(other);
        assertEquals(List.of("read 2", "read 3"), recorder.events);
        assertEquals("Ann", ((Enhanced) copy).$athanor$get(2));
    }

    @Test
    void interceptsReadsInLambdas() throws Exception {
        Object person = attached(create("Person"));
        ((Enhanced) person).$athanor$set(2, "Eve");
        Supplier<?> supplier = (Supplier<?>) call(person, "nameSupplier");
        assertEquals("Eve", supplier.get());
        assertEquals(List.of("read 2"), recorder.events);
    }

    @Test
    void interceptsAccessesFromOtherClassesOfThePackage() throws Exception {
        Object person = attached(type("Person").getConstructor(AttributeInterceptor.class, String.class, int.class)
                .newInstance(null, "Ann", 30));
        assertEquals(30, callStatic("PersonAccess", "age", person));
        callStatic("PersonAccess", "age", person, 31);
        callStatic("PersonAccess", "score", person, 7);
        callStatic("PersonAccess", "tag", person, "vip");
        assertEquals(List.of("read 3", "write 3 30 -> 31", "write 4 null -> 7", "read 6"), recorder.events);
        assertEquals(List.of("vip"), ((Enhanced) person).$athanor$get(6));

        recorder.events.clear();
        Object employee = attached(create("Employee"));
        assertEquals(0L, callStatic("PersonAccess", "id", employee));
        callStatic("PersonAccess", "createdBy", employee, "root");
        assertEquals(List.of("read 0", "write 1 null -> root"), recorder.events);
    }

    @Test
    void interceptsInheritedFieldsInSubclasses() throws Exception {
        Object employee = attached(create("Employee"));
        call(employee, "promote");
        assertEquals(List.of("read 7", "write 7 0.0 -> 0.0", "read 0", "write 0 0 -> 1", "read 3", "write 3 0 -> 1"),
                recorder.events);
    }

    @Test
    void boxesPrimitivesAndInterceptsFinalFields() throws Exception {
        Object gadget = attached(create("Gadget"));
        callStatic("PersonAccess", "gadget", gadget);
        assertEquals(List.of("read 3", "write 3 0 -> 1", "read 7", "write 7 false -> true", "read 8"), recorder.events);
        assertFalse(Modifier.isFinal(type("Gadget").getDeclaredField("parts").getModifiers()));
    }

    @Test
    void leavesNonPersistentFieldsAlone() throws Exception {
        Object person = attached(create("Person"));
        assertEquals("n7", call(person, "noteAndCache"));
        assertEquals("x", callStatic("PersonAccess", "note", person, "x"));
        assertEquals(3, callStatic("PersonAccess", "cache", person, 3));
        callStatic("PersonAccess", "countPerson");
        assertEquals(List.of(), recorder.events);
    }

    @Test
    void rawAccessCoversEveryIndexWithoutInterception() throws Exception {
        Enhanced gadget = attached((Enhanced) create("Gadget"));
        Object[] values = {(byte) 1, (short) 2, 'c', 4, 5L, 6f, 7d, true, new ArrayList<>(List.of("p"))};
        Object[] zeros = {(byte) 0, (short) 0, (char) 0, 0, 0L, 0f, 0d, false, null};
        assertEquals(List.of(), gadget.$athanor$get(8));
        for (int i = 0; i < values.length; i++) {
            gadget.$athanor$set(i, values[i]);
            assertEquals(values[i], gadget.$athanor$get(i), "set " + i);
            gadget.$athanor$set(i, null);
            assertEquals(zeros[i], gadget.$athanor$get(i), "null " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> gadget.$athanor$get(9));
        assertThrows(IndexOutOfBoundsException.class, () -> gadget.$athanor$set(-1, null));
        assertThrows(ClassCastException.class, () -> gadget.$athanor$set(3, "four"));

        Enhanced employee = attached((Enhanced) create("Employee"));
        Object[] mixed = {42L, "me", "Zed", 40, 9, true, List.of(), 1.5d};
        for (int i = 0; i < 8; i++) {
            employee.$athanor$set(i, mixed[i]);
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(mixed[i], employee.$athanor$get(i), "employee " + i);
        }
        employee.$athanor$set(0, null);
        employee.$athanor$set(7, null);
        assertEquals(0L, employee.$athanor$get(0));
        assertEquals(0d, employee.$athanor$get(7));
        assertThrows(IndexOutOfBoundsException.class, () -> employee.$athanor$get(8));
        assertEquals(List.of(), recorder.events);
        assertEquals(0L, call(employee, "id"));
        assertEquals(List.of("read 0"), recorder.events);
    }

    @Test
    void handlesNonEntityAncestorsAndEntitiesWithoutFields() throws Exception {
        Enhanced tagged = attached((Enhanced) create("Tagged"));
        call(tagged, "relabel", "new");
        assertEquals(List.of("write 2 null -> new"), recorder.events);
        tagged.$athanor$set(0, 5L);
        assertEquals(5L, tagged.$athanor$get(0));
        assertEquals("new", tagged.$athanor$get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> tagged.$athanor$get(3));

        Enhanced guest = (Enhanced) create("Guest");
        guest.$athanor$set(2, "Gus");
        assertEquals("Gus", guest.$athanor$get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> guest.$athanor$get(7));

        Enhanced empty = (Enhanced) create("Empty");
        assertThrows(IndexOutOfBoundsException.class, () -> empty.$athanor$get(0));
        assertThrows(IndexOutOfBoundsException.class, () -> empty.$athanor$set(0, null));
    }

    @Test
    void enhancingTwiceChangesNothing() throws Exception {
        Path again = tmp.resolve("again");
        Plugin.Engine.Summary second = Enhancement.run(tmp.resolve("out"), again);
        assertEquals(List.of(), second.getTransformed());
        assertEquals(Map.of(), second.getFailed());
        try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path copy = again.resolve(tmp.resolve("out").relativize(file));
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(copy), file.toString());
            }
        }
    }

    @Test
    void refusesAFieldHidingAnInheritedPersistentField() throws Exception {
        Path in = Enhancement.copyPackage(PKG + ".hiding", tmp.resolve("hiding-in"));
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Enhancement.run(in, tmp.resolve("hiding-out")));
        assertTrue(failure.getMessage().contains("Hiding.id hides persistent field"), failure.getMessage());
    }

    private <T> T attached(T entity) {
        ((Enhanced) entity).$athanor$interceptor(recorder);
        return entity;
    }

    private static List<String> enhancedFields(String name) throws Exception {
        return List.of(type(name).getAnnotation(EnhancedFields.class).value());
    }

    private static Class<?> type(String simpleName) throws ClassNotFoundException {
        return Class.forName(PKG + "." + simpleName, true, loader);
    }

    private static Object create(String simpleName) throws Exception {
        return type(simpleName).getConstructor().newInstance();
    }

    private static Object call(Object target, String name, Object... args) throws Exception {
        return invoke(target.getClass(), target, name, args);
    }

    private static Object callStatic(String type, String name, Object... args) throws Exception {
        return invoke(type(type), null, name, args);
    }

    private static Object invoke(Class<?> type, Object target, String name, Object... args) throws Exception {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            for (Method method : declaring.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                    method.setAccessible(true);
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException exception) {
                        throw (Exception) exception.getCause();
                    }
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    /** Records every interception as text, e.g. {@code "write 3 0 -> 1"}. */
    static final class Recorder implements AttributeInterceptor {
        final List<String> events = new ArrayList<>();

        @Override
        public void beforeRead(Enhanced entity, int index) {
            events.add("read " + index);
        }

        @Override
        public void afterWrite(Enhanced entity, int index, Object oldValue, Object newValue) {
            events.add("write " + index + " " + oldValue + " -> " + newValue);
        }
    }
}
