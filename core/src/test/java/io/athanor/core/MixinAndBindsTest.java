package io.athanor.core;

import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.core.model.Audited;
import io.athanor.core.model.Document;
import io.athanor.core.model.Document_;
import io.athanor.core.model.Note;
import io.athanor.core.model.Note_;
import io.athanor.core.model.TestModel;
import io.athanor.core.model.User;
import io.athanor.core.model.User_;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Mixin columns in each subclass's table, and SQLAlchemy's bind resolution order. */
@AllDatabases
class MixinAndBindsTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;

    @BeforeEach
    void setUp() {
        engine = TestModel.freshEngine(db);
    }

    @Test
    void mixinColumnsAreMappedIntoEachTable() {
        SessionMaker sessions = TestModel.sessions(engine);
        LocalDateTime when = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
        sessions.transaction(s -> {
            Document d = new Document("d");
            d.createdBy = "ann";
            d.createdAt = when;
            Note n = new Note("n");
            n.createdBy = "bob";
            s.add(d);
            s.add(n);
        });
        try (Session s = sessions.open()) {
            Document d = s.scalars(select(Document.class).where(Document_.createdBy.eq("ann"))).one();
            assertEquals(when, d.createdAt);
            Note n = s.scalars(select(Note.class).where(Note_.createdBy.eq("bob"))).one();
            assertEquals("n", n.body);
            assertEquals("document", Document_.createdBy.table());
            assertEquals("note", Note_.createdBy.table());
            d.createdBy = "carl";
            s.commit();
            assertEquals("carl", s.get(Document.class, d.id).createdBy);
        }
    }

    @Test
    void toBuilderStartsFromTheSameSettingsAndLeavesTheOriginalAlone() {
        Engine other = Engine.of(engine.dataSource());
        SessionMaker original = SessionMaker.builder(TestModel.REGISTRY).bind(engine).binds(Map.of(User.class, other))
                .expireOnCommit(false).build();
        assertSame(engine, original.bind());
        assertEquals(Map.of(User.class, other), original.binds());
        SessionMaker derived = original.toBuilder().autoflush(false).build();
        assertSame(original.registry(), derived.registry());
        assertSame(engine, derived.bind());
        assertEquals(Map.of(User.class, other), derived.binds());
        try (Session s = derived.open()) {
            assertSame(other, s.getBind(User.class));
            User u = new User("kept");
            s.add(u);
            assertTrue(s.scalars(select(User.class)).all().isEmpty(), "autoflush off in the derived factory");
            s.commit();
            assertEquals("kept", u.name, "expireOnCommit(false) carried over: no reload needed");
            assertFalse(Athanor.inspect(u).expiredAttributes().contains("name"));
        }
        try (Session s = original.open()) {
            s.add(new User("flushed"));
            assertEquals(1, s.scalars(select(User.class).where(User_.name.eq("flushed"))).all()
                    .size(), "the original still autoflushes");
            s.rollback();
        }
    }

    @Test
    void bindsResolveClassThenMixinThenTableThenDefault() {
        Engine other = Engine.of(engine.dataSource());
        SessionMaker byClass = SessionMaker.builder(TestModel.REGISTRY).bind(engine)
                .binds(Map.of(User.class, other)).build();
        SessionMaker byMixin = SessionMaker.builder(TestModel.REGISTRY).bind(engine)
                .binds(Map.of(Audited.class, other)).build();
        SessionMaker byTable = SessionMaker.builder(TestModel.REGISTRY).bind(engine)
                .binds(Map.of("note", other)).build();
        SessionMaker classBeatsTable = SessionMaker.builder(TestModel.REGISTRY)
                .binds(Map.of(Note.class, other, "note", engine)).build();
        try (Session a = byClass.open(); Session b = byMixin.open(); Session c = byTable.open();
             Session d = classBeatsTable.open()) {
            assertSame(other, a.getBind(User.class));
            assertSame(engine, a.getBind(Document.class));
            assertSame(other, b.getBind(Document.class));
            assertSame(other, b.getBind(Note.class));
            assertSame(engine, b.getBind(User.class));
            assertSame(other, c.getBind(Note.class));
            assertSame(engine, c.getBind(Document.class));
            assertSame(other, d.getBind(Note.class));
            InvalidRequestException none = assertThrows(InvalidRequestException.class, () -> d.getBind(User.class));
            assertTrue(none.getMessage().startsWith("ATHANOR-2041: no engine is bound for io.athanor.core.model.User"),
                    none.getMessage());
        }
        InvalidRequestException unknown = assertThrows(InvalidRequestException.class,
                () -> SessionMaker.builder(TestModel.REGISTRY).binds(Map.of("nope", engine)));
        assertTrue(unknown.getMessage().startsWith("ATHANOR-2042: binds key 'nope'"), unknown.getMessage());
    }

    @Test
    void sessionsWriteThroughTheirBinds() {
        Engine other = Engine.of(engine.dataSource());
        SessionMaker sessions = SessionMaker.builder(TestModel.REGISTRY).bind(engine)
                .binds(Map.of(Audited.class, other)).build();
        sessions.transaction(s -> {
            s.add(new User("u"));
            s.add(new Note("n"));
        });
        try (Session s = sessions.open()) {
            assertEquals(1, s.scalars(select(Note.class)).all().size());
            assertEquals(1, s.scalars(select(User.class)).all().size());
        }
    }
}
