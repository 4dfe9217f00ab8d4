package io.athanor.ext.mutable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.types.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Links between values and instances, coercion, and associateWith against as_mutable. */
@AllDatabases
class ParentsAndCoercionTest {
    static final Registry REGISTRY = Registry.of(Doc.class, Plain.class);

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        engine = Fixture.engine(db, REGISTRY);
        sessions = SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    @Test
    void plainValuesAreCoercedWhenAssignedLoadedOrAdded() {
        Doc d = new Doc("c");
        d.meta = new HashMap<>(Map.of("before", "add"));
        d.anything = new HashMap<>(Map.of("k", "v"));
        try (Session s = sessions.open()) {
            s.add(d);
            assertInstanceOf(MutableDict.class, d.meta, "a value assigned before add() is coerced at add()");
            assertInstanceOf(MutableDict.class, d.anything);
            Map<String, Object> plain = new HashMap<>(Map.of("x", 1));
            d.meta = plain;
            assertInstanceOf(MutableDict.class, d.meta);
            assertNotSame(plain, d.meta);
            s.commit();
        }
        try (Session s = sessions.open()) {
            Doc l = s.get(Doc.class, d.id);
            assertInstanceOf(MutableDict.class, l.anything, "a loaded value is coerced");
        }
    }

    @Test
    void anUnconvertibleValueIsRefusedNamingTheAttribute() {
        Doc d = new Doc("r");
        d.anything = new MutableDict<>(Map.of("k", "v"));
        try (Session s = sessions.open()) {
            s.add(d);
            Object before = d.anything;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.anything = "text");
            assertEquals("ATHANOR-9001: attribute 'anything' does not accept objects of type java.lang.String: "
                    + "MutableDict.coerce converts a Map (assigned to io.athanor.ext.mutable.Doc.anything)", e.getMessage());
            assertSame(before, d.anything, "the refused value is undone");
        }
    }

    @Test
    void aUserTypeCoercesWithItsOwnMethod() {
        Doc d = new Doc("t");
        try (Session s = sessions.open()) {
            s.add(d);
            d.tally = new Tally(3);
            s.commit();
            d.tally.increment();
            assertTrue(s.getDirty().contains(d));
            s.commit();
            assertEquals(4, d.tally.getCount());
        }
        assertEquals(Map.of("count", java.math.BigDecimal.valueOf(4)),
                Fixture.parse(Fixture.stored(engine, "mut_doc", "tally", d.id)));
        assertEquals(7, Tally.coerce("tally", 7).getCount());
    }

    @Test
    void aValueSharedByTwoInstancesReportsToBoth() {
        MutableDict<String, Object> shared = new MutableDict<>(Map.of("n", "0"));
        Doc a = new Doc("a");
        Doc b = new Doc("b");
        a.data = shared;
        b.data = shared;
        try (Session s = sessions.open()) {
            s.addAll(List.of(a, b));
            s.commit();
            shared.put("n", "1");
            assertEquals(2, s.getDirty().size());
            s.commit();
        }
        assertEquals(Map.of("n", "1"), Fixture.parse(Fixture.stored(engine, "mut_doc", "data", a.id)));
        assertEquals(Map.of("n", "1"), Fixture.parse(Fixture.stored(engine, "mut_doc", "data", b.id)));
    }

    @Test
    void aValueMovedOffAnExpungedInstanceStopsReportingToIt() {
        Doc a = new Doc("a");
        a.data = new MutableDict<>(Map.of("n", "0"));
        try (Session s = sessions.open()) {
            s.add(a);
            s.commit();
            s.expunge(a);
            Doc b = new Doc("b");
            b.data = a.data;
            s.add(b);
            s.commit();
            b.data.put("n", "1");
            assertEquals(List.of(b), List.copyOf(s.getDirty()));
            assertFalse(Athanor.inspect(a).isModified(), "the expunged instance is not told");
            s.commit();
            s.add(a);
            a.data.put("n", "2");
            assertTrue(s.isModified(a), "adding it back links its value again");
        }
    }

    @Test
    void aReplacedValueStopsReporting() {
        Doc a = new Doc("a");
        a.data = new MutableDict<>(Map.of("n", "0"));
        try (Session s = sessions.open()) {
            s.add(a);
            s.commit();
            MutableDict<String, Object> old = a.data;
            a.data = new MutableDict<>(Map.of("n", "new"));
            s.commit();
            old.put("n", "stale");
            assertFalse(s.isModified(a));
            assertEquals(List.of(), old.parents());
        }
    }

    @Test
    void serialisingAnInstanceKeepsTheValueButNotTheLink() throws Exception {
        Doc a = new Doc("a");
        a.data = new MutableDict<>(Map.of("n", "0"));
        try (Session s = sessions.open()) {
            s.add(a);
            s.commit();
            assertEquals(1, a.data.parents().size());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(a);
            }
            Doc copy;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (Doc) in.readObject();
            }
            assertEquals(Map.of("n", "0"), copy.data);
            assertEquals(List.of(), copy.data.parents(), "links are not serialised");
            copy.data.put("n", "1");
            assertFalse(s.isModified(a));
            Doc merged = s.merge(copy);
            assertSame(a, merged);
            assertEquals("1", a.data.get("n"));
            s.commit();
        }
        assertEquals(Map.of("n", "1"), Fixture.parse(Fixture.stored(engine, "mut_doc", "data", a.id)));
    }

    @Test
    void nestedValuesAreTrackedWhereTheUserWrapsThem() {
        Doc a = new Doc("a");
        MutableDict<String, Object> inner = new MutableDict<>(Map.of("deep", "0"));
        a.data = new MutableDict<>();
        a.data.put("inner", inner);
        a.data.put("plain", new HashMap<>(Map.of("deep", "0")));
        try (Session s = sessions.open()) {
            s.add(a);
            s.commit();
            inner.put("deep", "1");
            assertTrue(s.isModified(a), "a wrapped nested map reports through its container");
            s.commit();
            @SuppressWarnings("unchecked")
            Map<String, Object> plain = (Map<String, Object>) a.data.get("plain");
            plain.put("deep", "1");
            assertFalse(s.isModified(a), "a plain nested map does not");
            a.data.remove("inner");
            s.commit();
            inner.put("deep", "2");
            assertFalse(s.isModified(a), "a removed nested value stops reporting");
        }
        // the untracked nested change was written along with the tracked removal of "inner"
        assertEquals(Map.of("plain", Map.of("deep", "1")), Fixture.parse(Fixture.stored(engine, "mut_doc", "data", a.id)));
    }

    @Test
    void associateWithTracksEveryAttributeOfTheTypeButOnlyInRegistriesBuiltAfterwards() {
        Registry before = Registry.of(Plain.class);
        Registry after;
        try (Association association = MutableDict.associateWith(Json.class)) {
            after = Registry.of(Plain.class);
        }
        Plain p = new Plain();
        p.first = new HashMap<>(Map.of("k", "v"));
        p.other = new HashMap<>(Map.of("k", "v"));
        p.chosen = new HashMap<>(Map.of("k", "v"));
        p.list = List.of("x");
        SessionMaker untracked = SessionMaker.builder(before).bind(engine).expireOnCommit(false).build();
        untracked.transaction(s -> s.add(p));
        try (Session s = untracked.open()) {
            Plain l = s.get(Plain.class, p.id);
            assertFalse(l.first instanceof Mutable, "as_mutable on one attribute leaves the others plain");
            l.first.put("k", "changed");
            assertFalse(s.isModified(l));
            assertInstanceOf(MutableDict.class, l.chosen);
            l.chosen.put("k", "changed");
            assertTrue(s.isModified(l));
        }
        SessionMaker tracked = SessionMaker.builder(after).bind(engine).expireOnCommit(false).build();
        try (Session s = tracked.open()) {
            Plain l = s.get(Plain.class, p.id);
            assertInstanceOf(MutableDict.class, l.first);
            assertInstanceOf(MutableDict.class, l.other);
            assertFalse(l.list instanceof Mutable, "a List attribute cannot hold a MutableDict: not associated");
            l.other.put("k", "changed");
            assertTrue(s.isModified(l));
            s.commit();
        }
        assertEquals(Map.of("k", "changed"), Fixture.parse(Fixture.stored(engine, "mut_plain", "other", p.id)));
        Registry closed = Registry.of(Plain.class);
        try (Session s = SessionMaker.builder(closed).bind(engine).build().open()) {
            assertFalse(s.get(Plain.class, p.id).first instanceof Mutable, "closing the association affects later registries");
        }
    }
}
