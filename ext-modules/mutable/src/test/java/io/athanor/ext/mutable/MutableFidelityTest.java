package io.athanor.ext.mutable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** associate_with_attribute, and mutable values the class gives itself (client-side defaults). */
@AllDatabases
class MutableFidelityTest {
    static final Registry REGISTRY = Registry.of(Defaulted.class, Plain.class);

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker keep;

    @BeforeEach
    void setUp() {
        engine = Fixture.engine(db, REGISTRY);
        keep = SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    @Test
    void valuesFromAFieldInitialiserOrTheConstructorAreTrackedBeforeAndAfterTheInsert() {
        Defaulted d = new Defaulted();
        d.data.put("before", "add");
        d.items.add("one");
        d.meta.put("plain", "map");
        try (Session s = keep.open()) {
            s.add(d);
            assertInstanceOf(MutableDict.class, d.meta, "the initialiser's HashMap is coerced when added");
            d.data.put("pending", "yes");
            s.commit();
        }
        assertEquals(Map.of("before", "add", "pending", "yes"),
                Fixture.parse(Fixture.stored(engine, "mut_defaulted", "data", d.id)));
        assertEquals(List.of("one"), Fixture.parse(Fixture.stored(engine, "mut_defaulted", "items", d.id)));
        assertEquals(Map.of("plain", "map"), Fixture.parse(Fixture.stored(engine, "mut_defaulted", "meta", d.id)));
        try (Session s = keep.open()) {
            s.add(d);
            assertFalse(s.isModified(d));
            d.data.put("after", "insert");
            d.items.add("two");
            d.meta.put("k", "v");
            assertTrue(s.isModified(d), "the default values report in place changes");
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(1, sql.count("UPDATE"), sql.lines().toString());
            }
        }
        assertEquals(Map.of("before", "add", "pending", "yes", "after", "insert"),
                Fixture.parse(Fixture.stored(engine, "mut_defaulted", "data", d.id)));
        assertEquals(List.of("one", "two"), Fixture.parse(Fixture.stored(engine, "mut_defaulted", "items", d.id)));
        assertEquals(Map.of("plain", "map", "k", "v"),
                Fixture.parse(Fixture.stored(engine, "mut_defaulted", "meta", d.id)));
    }

    @Test
    void defaultValueChangedInTheSameSessionAsTheInsertIsUpdated() {
        try (Session s = keep.open()) {
            Defaulted d = new Defaulted();
            s.add(d);
            s.flush();
            d.data.put("k", "1");
            assertTrue(s.isModified(d));
            s.commit();
            assertEquals(Map.of("k", "1"), Fixture.parse(Fixture.stored(engine, "mut_defaulted", "data", d.id)));
        }
    }

    @Test
    void associateWithAttributeTracksThatAttributeOnlyInRegistriesBuiltAfterwards() {
        Registry before = Registry.of(Plain.class);
        Registry after;
        try (Association association = MutableDict.associateWithAttribute(Plain.class, "first")) {
            assertEquals(Plain.class, association.mappedClass());
            assertEquals("first", association.attribute());
            after = Registry.of(Plain.class);
        }
        Plain p = new Plain();
        p.first = new HashMap<>(Map.of("k", "v"));
        p.other = new HashMap<>(Map.of("k", "v"));
        SessionMaker untracked = SessionMaker.builder(before).bind(engine).expireOnCommit(false).build();
        untracked.transaction(s -> s.add(p));
        try (Session s = untracked.open()) {
            Plain l = s.get(Plain.class, p.id);
            assertFalse(l.first instanceof Mutable, "a registry built before is not affected");
        }
        SessionMaker tracked = SessionMaker.builder(after).bind(engine).expireOnCommit(false).build();
        try (Session s = tracked.open()) {
            Plain l = s.get(Plain.class, p.id);
            assertInstanceOf(MutableDict.class, l.first);
            assertFalse(l.other instanceof Mutable, "only the named attribute");
            l.first.put("k", "changed");
            assertTrue(s.isModified(l));
            s.commit();
        }
        assertEquals(Map.of("k", "changed"), Fixture.parse(Fixture.stored(engine, "mut_plain", "first", p.id)));
    }

    @Test
    void associateWithAttributeRefusesAnUnknownAttributeOrAFieldThatCannotHoldTheType() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MutableDict.associateWithAttribute(Plain.class, "nope"));
        assertEquals("ATHANOR-9006: associateWithAttribute(io.athanor.ext.mutable.Plain, nope): the class declares no"
                + " such field (nor does a superclass): name a mapped attribute of it", unknown.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> MutableDict.associateWithAttribute(Plain.class, "list"));
        assertTrue(wrong.getMessage().startsWith("ATHANOR-9005: io.athanor.ext.mutable.Plain.list is declared"
                + " java.util.List<java.lang.String>"), wrong.getMessage());
    }
}
