package io.athanor.core;

import static io.athanor.sql.Sql.delete;
import static io.athanor.sql.Sql.insert;
import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.text;
import static io.athanor.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.MultipleResultsException;
import io.athanor.NoResultException;
import io.athanor.Result;
import io.athanor.Row;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.core.model.TestModel;
import io.athanor.core.model.User;
import io.athanor.core.model.User_;
import io.athanor.sql.Sync;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** select(), execute(), text() and the result accessors. */
@AllDatabases
class QueryTest {
    @Parameter
    DatabaseHandle db;

    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        Engine engine = TestModel.freshEngine(db);
        sessions = TestModel.sessions(engine);
        sessions.transaction(s -> {
            for (String n : List.of("ada", "bob", "cy", "dee")) {
                User u = new User(n, n.toUpperCase());
                u.logins = n.length();
                s.add(u);
            }
        });
    }

    @Test
    void scalarsOfEntitiesWithWhereOrderLimitOffset() {
        try (Session s = sessions.open()) {
            List<User> two = s.scalars(select(User.class).where(User_.logins.eq(3)).orderBy(User_.name.desc())
                    .limit(2)).all();
            assertEquals(List.of("dee", "bob"), two.stream().map(u -> u.name).toList());
            List<User> skipped = s.scalars(select(User.class).orderBy(User_.name).offset(1).limit(2)).all();
            assertEquals(List.of("bob", "cy"), skipped.stream().map(u -> u.name).toList());
            assertSame(two.get(0), s.scalars(select(User.class).where(User_.name.eq("dee"))).one());
        }
    }

    @Test
    void oneFirstAndOneOrNull() {
        try (Session s = sessions.open()) {
            assertEquals("ada", s.scalars(select(User.class).where(User_.name.eq("ada"))).one().name);
            assertNull(s.scalars(select(User.class).where(User_.name.eq("zed"))).oneOrNull());
            assertNull(s.scalars(select(User.class).where(User_.name.eq("zed"))).first());
            NoResultException none = assertThrows(NoResultException.class,
                    () -> s.scalars(select(User.class).where(User_.name.eq("zed"))).one());
            assertTrue(none.getMessage().startsWith("ATHANOR-4010"), none.getMessage());
            MultipleResultsException many = assertThrows(MultipleResultsException.class,
                    () -> s.scalars(select(User.class)).one());
            assertTrue(many.getMessage().startsWith("ATHANOR-4011: one() found 4 rows"), many.getMessage());
            assertThrows(NoResultException.class, () -> s.getOne(User.class, -5L));
        }
    }

    @Test
    void columnsAndEntitiesInRows() {
        try (Session s = sessions.open()) {
            List<String> names = s.scalars(select(User_.name).orderBy(User_.name)).all();
            assertEquals(List.of("ada", "bob", "cy", "dee"), names);
            Result r = s.execute(select(User.class, User_.fullname).where(User_.name.eq("cy")));
            Row row = r.one();
            assertEquals("cy", row.get(0, User.class).name);
            assertEquals("CY", row.get("fullname"));
            assertEquals(List.of("User", "fullname"), row.labels());
            assertEquals(4, s.scalars(select(User_.id)).stream().count());
        }
    }

    @Test
    void loadedInstancesKeepUnflushedChanges() {
        try (Session s = sessions.open()) {
            User ada = s.scalars(select(User.class).where(User_.name.eq("ada"))).one();
            ada.fullname = "Countess";
            try (var block = s.noAutoflush()) {
                User again = s.scalars(select(User.class).where(User_.name.eq("ada"))).one();
                assertSame(ada, again);
                assertEquals("Countess", again.fullname);
            }
        }
    }

    @Test
    void textWithNamedParametersIsBoundNotSpliced() {
        try (Session s = sessions.open()) {
            Result r = s.execute(text("SELECT name, logins FROM users WHERE name = :n OR logins > :min ORDER BY name"),
                    Map.of("n", "ada", "min", 2));
            assertEquals(List.of("ada", "bob", "dee"), r.all().stream().map(x -> (String) x.get("name")).toList());
            String hostile = "x' OR '1'='1";
            Result none = s.execute(text("SELECT name FROM users WHERE name = :n"), Map.of("n", hostile));
            assertTrue(none.all().isEmpty());
            Result literal = s.execute(text("SELECT name FROM users WHERE name = ':n' OR name = :n"), Map.of("n", "bob"));
            assertEquals(1, literal.all().size());
            InvalidRequestException missing = assertThrows(InvalidRequestException.class,
                    () -> s.execute(text("SELECT 1 FROM users WHERE name = :who"), Map.of()));
            assertEquals("ATHANOR-4022: text() parameter ':who' has no value: pass it in the parameter map (given: [])",
                    missing.getMessage());
            Result changed = s.execute(text("UPDATE users SET logins = :l WHERE name = :n"), Map.of("l", 9, "n", "cy"));
            assertEquals(1, changed.rowCount());
        }
    }

    @Test
    void textDoesNotAutoflushButMappedSelectsDo() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            s.add(new User("eve"));
            assertEquals(4L, ((Number) s.execute(text("SELECT COUNT(*) FROM users")).scalar()).longValue());
            assertEquals(0, sql.count("INSERT"));
            assertEquals(5, s.scalars(select(User.class)).all().size());
            assertEquals(1, sql.count("INSERT"));
        }
    }

    @Test
    void bulkUpdateDeleteInsert() {
        try (Session s = sessions.open()) {
            User ada = s.scalars(select(User.class).where(User_.name.eq("ada"))).one();
            Result u = s.execute(update(User.class).where(User_.logins.eq(3)).set(User_.fullname, "three"));
            assertEquals(3, u.rowCount());
            assertFalse(Athanor.inspect(ada).expiredAttributes().contains("fullname"),
                    "AUTO evaluated the criteria in Java and set the value");
            assertEquals("three", ada.fullname);
            User bob = s.scalars(select(User.class).where(User_.name.eq("bob"))).one();
            Result d = s.execute(delete(User.class).where(User_.name.eq("bob")).synchronize(Sync.FETCH));
            assertEquals(1, d.rowCount());
            assertTrue(Athanor.inspect(bob).isDeleted());
            Result i = s.execute(insert(User.class)
                    .values(List.of(Map.of("name", "x1", "logins", 1), Map.of("name", "x2", "logins", 2))));
            assertEquals(2, i.rowCount());
            s.commit();
            assertEquals(List.of("ada", "cy", "dee", "x1", "x2"),
                    s.scalars(select(User_.name).orderBy(User_.name)).all());
        }
    }
}
