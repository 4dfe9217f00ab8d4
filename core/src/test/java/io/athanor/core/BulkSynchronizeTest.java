package io.athanor.core;

import static io.athanor.sql.Sql.delete;
import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.InvalidRequestException;
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
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Bulk UPDATE and DELETE keep the session's instances in step, as SQLAlchemy's synchronize_session. */
@AllDatabases
class BulkSynchronizeTest {
    @Parameter
    DatabaseHandle db;

    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        sessions = TestModel.sessions(TestModel.freshEngine(db));
        sessions.transaction(s -> {
            for (String n : List.of("ann", "bob", "cy")) {
                User u = new User(n);
                u.logins = n.length();
                s.add(u);
            }
        });
    }

    private Map<String, User> load(Session s) {
        Map<String, User> byName = new java.util.HashMap<>();
        for (User u : s.scalars(select(User.class)).all()) {
            byName.put(u.name, u);
        }
        return byName;
    }

    @Test
    void evaluateSetsMatchedValuesInMemoryWithoutSql() {
        try (Session s = sessions.open()) {
            Map<String, User> users = load(s);
            try (SqlCapture sql = SqlCapture.start()) {
                s.execute(update(User.class).where(User_.logins.eq(3)).set(User_.fullname, "three")
                        .synchronize(Sync.EVALUATE));
                assertEquals(1, sql.count(), "only the UPDATE: " + sql.lines());
                assertEquals("three", users.get("ann").fullname);
                assertEquals("three", users.get("bob").fullname);
                assertEquals(null, users.get("cy").fullname);
                assertEquals(1, sql.count(), "set values are loaded, not expired");
                assertFalse(s.isModified(users.get("ann")));
            }
        }
    }

    @Test
    void evaluateRefusesCriteriaItCannotEvaluate() {
        try (Session s = sessions.open()) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> s.execute(
                    update(User.class).where(DSL.upper(User_.name).eq("ANN")).set(User_.logins, 9)
                            .synchronize(Sync.EVALUATE)));
            assertTrue(e.getMessage().startsWith("ATHANOR-4040"), e.getMessage());
        }
    }

    @Test
    void autoFallsBackToFetch() {
        try (Session s = sessions.open()) {
            Map<String, User> users = load(s);
            try (SqlCapture sql = SqlCapture.start()) {
                s.execute(update(User.class).where(DSL.upper(User_.name).eq("ANN")).set(User_.logins, 9));
                assertEquals(1, sql.count("SELECT"), "the matching keys were fetched: " + sql.lines());
            }
            assertEquals(9, users.get("ann").logins);
            assertEquals(3, users.get("bob").logins);
        }
    }

    @Test
    void expressionsAreExpiredAndReloaded() {
        try (Session s = sessions.open()) {
            Map<String, User> users = load(s);
            s.execute(update(User.class).where(User_.name.eq("cy")).set(User_.logins, User_.logins.plus(10))
                    .synchronize(Sync.FETCH));
            assertTrue(Athanor.inspect(users.get("cy")).expiredAttributes().contains("logins"));
            assertEquals(12, users.get("cy").logins);
        }
    }

    @Test
    void deletesMarkMatchedInstancesDeleted() {
        try (Session s = sessions.open()) {
            Map<String, User> users = load(s);
            s.execute(delete(User.class).where(User_.logins.ge(3)).synchronize(Sync.EVALUATE));
            assertTrue(Athanor.inspect(users.get("ann")).isDeleted());
            assertTrue(Athanor.inspect(users.get("bob")).isDeleted());
            assertTrue(Athanor.inspect(users.get("cy")).isPersistent());
            s.execute(delete(User.class).where(User_.name.eq("cy")).synchronize(Sync.NONE));
            assertTrue(Athanor.inspect(users.get("cy")).isPersistent(), "NONE leaves the session alone");
            s.commit();
            assertEquals(0, s.scalars(select(User.class)).all().size());
        }
    }
}
