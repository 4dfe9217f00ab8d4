package io.athanor.ext.mutable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Every kind of in-place change to MutableDict, MutableList and MutableSet marks the attribute
 * modified and is flushed: the JSON stored afterwards is read back with plain JDBC and compared with
 * the same change applied to a plain collection.
 */
@AllDatabases
class InPlaceChangesTest {
    static final Registry REGISTRY = Registry.of(Doc.class);

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;
    SessionMaker keep;

    @BeforeEach
    void setUp() {
        engine = Fixture.engine(db, REGISTRY);
        sessions = SessionMaker.builder(REGISTRY).bind(engine).build();
        keep = SessionMaker.builder(REGISTRY).bind(engine).expireOnCommit(false).build();
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private Doc saved() {
        Doc d = new Doc("doc");
        d.data = new MutableDict<>(Map.of("a", "1", "b", "2", "c", "3"));
        d.items = new MutableList<>(List.of("x", "y", "z"));
        d.tags = new MutableSet<>(List.of("red", "green"));
        d.meta = new HashMap<>(Map.of("k", "v"));
        keep.transaction(s -> s.add(d));
        return d;
    }

    /** Applies a change to the loaded attribute and to a plain copy; asserts dirty, flush, stored JSON. */
    private <C> void check(String name, String column, java.util.function.Function<Doc, C> attribute,
                           java.util.function.Function<C, C> plainCopy, Consumer<C> change) {
        Doc d = saved();
        long id = d.id;
        Object expected;
        try (Session s = sessions.open()) {
            Doc l = s.get(Doc.class, id);
            C tracked = attribute.apply(l);
            C plain = plainCopy.apply(tracked);
            change.accept(plain);
            change.accept(tracked);
            expected = Fixture.normalised(plain);
            assertTrue(s.getDirty().contains(l), name + " should mark " + column + " modified");
            assertTrue(s.isModified(l), name);
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(1, sql.count("UPDATE"), name + ": " + sql.lines());
            }
        }
        assertEquals(expected, Fixture.parse(Fixture.stored(engine, "mut_doc", column, id)), name);
        try (Session s = sessions.open()) {
            assertEquals(expected, Fixture.normalised(attribute.apply(s.get(Doc.class, id))), name + " (loaded)");
        }
    }

    private void dict(String name, Consumer<Map<String, Object>> change) {
        check(name, "data", d -> d.data, LinkedHashMap::new, change);
    }

    private void list(String name, Consumer<List<Object>> change) {
        check(name, "items", d -> d.items, ArrayList::new, change);
    }

    private void set(String name, Consumer<Set<String>> change) {
        check(name, "tags", d -> d.tags, LinkedHashSet::new, change);
    }

    @Test
    void dictChanges() {
        dict("put", m -> m.put("d", "4"));
        dict("put over", m -> m.put("a", "one"));
        dict("remove", m -> m.remove("a"));
        dict("remove key and value", m -> m.remove("b", "2"));
        dict("clear", Map::clear);
        dict("putAll", m -> m.putAll(Map.of("x", "9", "y", "8")));
        dict("putIfAbsent", m -> m.putIfAbsent("z", "0"));
        dict("replace", m -> m.replace("c", "three"));
        dict("replace old", m -> m.replace("c", "3", "drei"));
        dict("replaceAll", m -> m.replaceAll((k, v) -> v + "!"));
        dict("computeIfAbsent", m -> m.computeIfAbsent("n", k -> List.of("new")));
        dict("computeIfPresent", m -> m.computeIfPresent("a", (k, v) -> v + "+"));
        dict("compute", m -> m.compute("b", (k, v) -> null));
        dict("merge", m -> m.merge("a", "x", (o, n) -> o + "" + n));
        dict("keySet remove", m -> m.keySet().remove("a"));
        dict("keySet retainAll", m -> m.keySet().retainAll(List.of("a")));
        dict("values remove", m -> m.values().remove("2"));
        dict("values removeIf", m -> m.values().removeIf("3"::equals));
        dict("entrySet iterator remove", m -> {
            Iterator<Map.Entry<String, Object>> it = m.entrySet().iterator();
            it.next();
            it.remove();
        });
        dict("entry setValue", m -> m.entrySet().iterator().next().setValue("changed"));
        dict("keySet clear", m -> m.keySet().clear());
        dict("nested value", m -> m.put("inner", Map.of("deep", List.of(1, 2))));
    }

    @Test
    void listChanges() {
        list("add", l -> l.add("w"));
        list("add at", l -> l.add(0, "first"));
        list("set", l -> l.set(1, "Y"));
        list("remove at", l -> l.remove(0));
        list("remove element", l -> l.remove("z"));
        list("addAll", l -> l.addAll(List.of("p", "q")));
        list("addAll at", l -> l.addAll(1, List.of("p", "q")));
        list("removeAll", l -> l.removeAll(List.of("x", "z")));
        list("retainAll", l -> l.retainAll(List.of("y")));
        list("removeIf", l -> l.removeIf("x"::equals));
        list("replaceAll", l -> l.replaceAll(o -> o + "" + o));
        list("sort", l -> l.sort((a, b) -> b.toString().compareTo(a.toString())));
        list("clear", List::clear);
        list("iterator remove", l -> {
            Iterator<Object> it = l.iterator();
            it.next();
            it.remove();
        });
        list("listIterator set and add", l -> {
            ListIterator<Object> it = l.listIterator();
            it.next();
            it.set("X");
            it.add("after");
        });
        list("subList clear", l -> l.subList(0, 2).clear());
        list("subList set", l -> l.subList(1, 3).set(0, "mid"));
    }

    @Test
    void setChanges() {
        set("add", s -> s.add("blue"));
        set("remove", s -> s.remove("red"));
        set("addAll", s -> s.addAll(List.of("a", "b")));
        set("removeAll", s -> s.removeAll(List.of("red")));
        set("retainAll", s -> s.retainAll(List.of("green")));
        set("removeIf", s -> s.removeIf(t -> t.startsWith("g")));
        set("clear", Collection::clear);
        set("iterator remove", s -> {
            Iterator<String> it = s.iterator();
            it.next();
            it.remove();
        });
    }

    @Test
    void asMutableAttributeInJsonText() {
        Doc d = saved();
        try (Session s = sessions.open()) {
            Doc l = s.get(Doc.class, d.id);
            assertInstanceOf(MutableDict.class, l.meta, "a loaded plain map is coerced");
            l.meta.put("k2", "v2");
            assertTrue(s.getDirty().contains(l));
            s.commit();
        }
        assertEquals(Map.of("k", "v", "k2", "v2"), Fixture.parse(Fixture.stored(engine, "mut_doc", "meta", d.id)));
    }

    /** Each write that changes nothing, alone: it still flags the attribute, as SQLAlchemy's methods do. */
    private void reportsAnyway(String name, Consumer<Doc> change) {
        Doc d = saved();
        try (Session s = sessions.open()) {
            Doc l = s.get(Doc.class, d.id);
            change.accept(l);
            assertTrue(s.isModified(l), name + " reports a change, as in SQLAlchemy");
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(1, sql.count("UPDATE"), name + ": " + sql.lines());
            }
        }
    }

    @Test
    void writesThatChangeNothingStillReportAsInSqlalchemy() {
        reportsAnyway("dict remove of an absent key (pop(k, None))", l -> l.data.remove("absent"));
        reportsAnyway("dict putIfAbsent on a present key (setdefault)", l -> l.data.putIfAbsent("b", "ignored"));
        reportsAnyway("dict computeIfAbsent on a present key", l -> l.data.computeIfAbsent("a", k -> "never"));
        reportsAnyway("dict putAll of nothing (update({}))", l -> l.data.putAll(Map.of()));
        reportsAnyway("dict keySet remove of an absent key", l -> l.data.keySet().remove("absent"));
        reportsAnyway("set remove of an absent element (discard)", l -> l.tags.remove("absent"));
        reportsAnyway("set add of a present element", l -> l.tags.add("red"));
        reportsAnyway("set removeAll of absent elements (difference_update)", l -> l.tags.removeAll(List.of("x")));
        reportsAnyway("list addAll of nothing (extend([]))", l -> l.items.addAll(List.of()));
        reportsAnyway("list removeIf matching nothing", l -> l.items.removeIf(o -> false));
    }

    @Test
    void listRemoveOfAnAbsentElementReportsNothing() {
        Doc d = saved();
        try (Session s = sessions.open()) {
            Doc l = s.get(Doc.class, d.id);
            assertFalse(l.items.remove("absent"), "SQLAlchemy's list.remove raises before reporting");
            assertFalse(s.isModified(l));
            assertTrue(s.getDirty().isEmpty());
        }
    }

    @Test
    void userMutableTypeWithItsOwnCoerce() {
        Doc d = new Doc("t");
        d.tally = new Tally(1);
        keep.transaction(s -> s.add(d));
        try (Session s = sessions.open()) {
            Doc l = s.get(Doc.class, d.id);
            l.tally.increment();
            assertTrue(s.getDirty().contains(l));
            s.commit();
        }
        assertEquals(Map.of("count", java.math.BigDecimal.valueOf(2)),
                Fixture.parse(Fixture.stored(engine, "mut_doc", "tally", d.id)));
    }
}
