package io.athanor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.History;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.core.model.Document;
import io.athanor.core.model.TestModel;
import io.athanor.mapping.Registry;
import io.athanor.spi.AttributeInfo;
import io.athanor.spi.AttributeListener;
import io.athanor.spi.AttributeListeners;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** flagModified and the attribute listener hook that mutation tracking builds on. */
@AllDatabases
class AttributeEventsTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;

    @BeforeEach
    void setUp() {
        engine = TestModel.freshEngine(db);
    }

    @Test
    void flagModifiedWritesAnInPlaceChange() {
        SessionMaker sessions = TestModel.keepLoaded(engine);
        Document d = new Document("doc");
        d.data = new HashMap<>(Map.of("k", "v1"));
        sessions.transaction(s -> s.add(d));
        try (Session s = sessions.open()) {
            Document l = s.get(Document.class, d.id);
            l.data.put("k", "v2");
            assertFalse(s.isModified(l), "an in-place change is invisible without a flag");
            Athanor.flagModified(l, "data");
            assertTrue(s.isModified(l));
            assertEquals(new History(List.of(l.data), List.of(), List.of()), Athanor.inspect(l).attr("data").history());
            try (SqlCapture sql = SqlCapture.start()) {
                s.commit();
                assertEquals(1, sql.count("UPDATE"), sql.lines().toString());
            }
        }
        try (Session s = sessions.open()) {
            assertEquals("v2", s.get(Document.class, d.id).data.get("k"));
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> Athanor.flagModified(s.get(Document.class, d.id), "nope"));
            assertTrue(e.getMessage().startsWith("ATHANOR-2011"), e.getMessage());
        }
    }

    /** Upper-cases titles as they are set and records loads: a stand-in for Mutable.coerce. */
    static final class Recorder implements AttributeListener {
        final List<String> events = new ArrayList<>();

        @Override
        public boolean appliesTo(AttributeInfo attribute) {
            return attribute.mappedClass() == Document.class && attribute.name().equals("title");
        }

        @Override
        public Object onLoad(Object instance, AttributeInfo attribute, Object value) {
            events.add("load " + value);
            return value;
        }

        @Override
        public Object onSet(Object instance, AttributeInfo attribute, Object value) {
            events.add("set " + value);
            return value == null ? null : value.toString().toUpperCase();
        }

        @Override
        public void onDetach(Object instance, AttributeInfo attribute, Object value) {
            events.add("detach " + value);
        }
    }

    @Test
    void listenersSeeLoadsAndSetsAndMayReplaceValues() {
        Recorder recorder = new Recorder();
        AttributeListeners.register(recorder);
        Registry registry;
        try {
            registry = Registry.of(Document.class);
        } finally {
            AttributeListeners.unregister(recorder);
        }
        SessionMaker sessions = SessionMaker.builder(registry).bind(engine).expireOnCommit(false).build();
        Document d = new Document("ignored");
        sessions.transaction(s -> {
            s.add(d);
            d.title = "quiet";
        });
        assertEquals("QUIET", d.title);
        try (Session s = sessions.open()) {
            Document l = s.get(Document.class, d.id);
            assertEquals("QUIET", l.title);
            s.expunge(l);
        }
        assertEquals(List.of("set quiet", "detach QUIET", "load QUIET", "detach QUIET"), recorder.events);
        Registry without = Registry.of(Document.class);
        assertEquals(without.mappedClasses(), registry.mappedClasses());
    }

    /** Refuses titles that are blank and trims the ones it sees at attach time. */
    static final class Gatekeeper implements AttributeListener {
        @Override
        public boolean appliesTo(AttributeInfo attribute) {
            return attribute.mappedClass() == Document.class && attribute.name().equals("title");
        }

        @Override
        public Object onSet(Object instance, AttributeInfo attribute, Object value) {
            if (value != null && value.toString().isBlank()) {
                throw new IllegalArgumentException("blank title");
            }
            return value;
        }

        @Override
        public Object onAttach(Object instance, AttributeInfo attribute, Object value) {
            return value.toString().trim();
        }
    }

    @Test
    void attachSeesValuesAssignedBeforeTheSessionAndARefusedValueIsUndone() {
        Gatekeeper gate = new Gatekeeper();
        AttributeListeners.register(gate);
        Registry registry;
        try {
            registry = Registry.of(Document.class);
        } finally {
            AttributeListeners.unregister(gate);
        }
        SessionMaker sessions = SessionMaker.builder(registry).bind(engine).expireOnCommit(false).build();
        Document d = new Document("  padded  ");
        try (Session s = sessions.open()) {
            s.add(d);
            assertEquals("padded", d.title);
            assertTrue(Athanor.inspect(d).isPending());
            assertThrows(IllegalArgumentException.class, () -> d.title = " ");
            assertEquals("padded", d.title);
            s.commit();
            s.expunge(d);
            d.title = " again ";
            s.add(d);
            assertEquals("again", d.title, "a detached instance is seen again when it is added back");
        }
    }
}
