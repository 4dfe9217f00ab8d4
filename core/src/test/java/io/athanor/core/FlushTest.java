package io.athanor.core;

import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.IntegrityException;
import io.athanor.NoAutoflush;
import io.athanor.PendingRollbackException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.StaleDataException;
import io.athanor.core.model.Account;
import io.athanor.core.model.Account_;
import io.athanor.core.model.Item;
import io.athanor.core.model.TestModel;
import io.athanor.core.model.User;
import io.athanor.core.model.User_;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** What a flush writes, in how many statements, and what happens when it fails. */
@AllDatabases
class FlushTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;
    SessionMaker setup;

    @BeforeEach
    void setUp() {
        engine = TestModel.freshEngine(db);
        sessions = TestModel.sessions(engine);
        setup = TestModel.keepLoaded(engine);
    }

    private long count(String table) {
        return longQuery("SELECT COUNT(*) FROM " + table);
    }

    private long longQuery(String sql) {
        try (Connection c = engine.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void manyInsertsWithGeneratedKeysTakeOneStatementPerThousandRows() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            users.add(new User("u" + i));
        }
        try (Session s = setup.open(); SqlCapture sql = SqlCapture.start()) {
            s.addAll(users);
            s.flush();
            assertEquals(3, sql.count("INSERT"), "2,500 rows in chunks of 1,000");
            s.commit();
        }
        Set<Long> keys = new HashSet<>();
        for (User u : users) {
            assertNotNull(u.id);
            keys.add(u.id);
        }
        assertEquals(2500, keys.size());
        assertEquals(2500, count("users"));
        try (Session s = sessions.open()) {
            for (int i = 0; i < users.size(); i += 499) {
                assertEquals("u" + i, s.get(User.class, users.get(i).id).name, "key paired with its own row");
            }
        }
    }

    @Test
    void updateSetsOnlyChangedColumnsAndBatchesBySameShape() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(new User("n" + i, "full" + i));
        }
        setup.transaction(s -> s.addAll(users));
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<User> loaded = s.scalars(select(User.class).orderBy(User_.name)).all();
            sql.clear();
            for (User u : loaded) {
                u.fullname = u.fullname + "!";
            }
            loaded.get(0).logins = 3;
            s.flush();
            List<String> updates = sql.statements().stream().filter(x -> x.regionMatches(true, 0, "UPDATE", 0, 6))
                    .toList();
            assertEquals(2, updates.size(), "two shapes, two batches: " + sql.lines());
            assertTrue(updates.stream().allMatch(u -> u.contains("fullname") && !u.contains("\"name\"")
                    && !u.contains("`name`")), "only changed columns are set: " + updates);
            s.commit();
        }
        assertEquals(5, longQuery("SELECT COUNT(*) FROM users WHERE fullname LIKE '%!'"));
        assertEquals(3, longQuery("SELECT logins FROM users WHERE name = 'n0'"));
    }

    @Test
    void rowsThatExistAreUpdatedAndDeletedInPrimaryKeyOrder() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(new User("k" + i));
        }
        setup.transaction(s -> s.addAll(users));
        List<Long> ids = users.stream().map(u -> u.id).sorted().toList();
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            // entered the session in descending key order: the flush still writes in key order, so two
            // sessions changing the same rows take their locks in the same order
            List<User> loaded = new ArrayList<>();
            for (int i = 5; i >= 0; i--) {
                loaded.add(0, s.get(User.class, ids.get(i)));
            }
            for (int i = 5; i >= 0; i--) {
                User u = loaded.get(i);
                if (i % 2 == 0) {
                    u.fullname = "changed";
                } else {
                    s.delete(u);
                }
            }
            sql.clear();
            s.flush();
            String update = line(sql, "UPDATE");
            String delete = line(sql, "DELETE");
            assertTrue(update.indexOf(", " + ids.get(0) + "]") < update.indexOf(", " + ids.get(2) + "]")
                    && update.indexOf(", " + ids.get(2) + "]") < update.indexOf(", " + ids.get(4) + "]"),
                    "updates by key: " + update);
            assertTrue(delete.indexOf("[" + ids.get(1)) < delete.indexOf("[" + ids.get(3))
                    && delete.indexOf("[" + ids.get(3)) < delete.indexOf("[" + ids.get(5)),
                    "deletes by key: " + delete);
            s.commit();
        }
        assertEquals(3, count("users"));
    }

    private static String line(SqlCapture sql, String verb) {
        List<String> found = sql.lines().stream().filter(x -> x.regionMatches(true, 0, verb, 0, verb.length())).toList();
        assertEquals(1, found.size(), "one batched " + verb + ": " + sql.lines());
        return found.get(0);
    }

    @Test
    void flushCostFollowsChangesNotLoadedObjects() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            users.add(new User("c" + i));
        }
        setup.transaction(s -> s.addAll(users));
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<User> loaded = s.scalars(select(User.class)).all();
            assertEquals(300, loaded.size());
            loaded.get(17).fullname = "changed";
            sql.clear();
            s.flush();
            assertEquals(List.of(1), List.of(sql.count()), "one UPDATE and nothing else: " + sql.lines());
            assertTrue(sql.lines().get(0).contains("batch of 1"), sql.lines().get(0));
        }
    }

    @Test
    void manyChangedRowsOfOneShapeAreWrittenWithTheirVersionsAndNulls() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            accounts.add(new Account("o" + i, new BigDecimal(i + ".50")));
        }
        setup.transaction(s -> s.addAll(accounts));
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Account> loaded = s.scalars(select(Account.class).orderBy(Account_.id)).all();
            sql.clear();
            for (int k = 0; k < loaded.size(); k++) {
                // the first rows (in flush order, the key order) bind NULL: the statement must still
                // know the column's type
                Account a = loaded.get(k);
                a.owner = k < 3 ? null : a.owner + "!";
                a.balance = a.balance.add(BigDecimal.ONE);
            }
            s.flush();
            List<String> updates = sql.statements().stream().filter(x -> x.regionMatches(true, 0, "UPDATE", 0, 6))
                    .toList();
            assertEquals(1, updates.size(), "one batch: " + sql.lines());
            assertTrue(sql.lines().get(0).contains("[batch of 120: "), sql.lines().get(0));
            assertTrue(loaded.stream().allMatch(a -> a.version == 2), "every version counter moved on");
            s.commit();
        }
        assertEquals(120, longQuery("SELECT COUNT(*) FROM account WHERE version = 2"));
        assertEquals(3, longQuery("SELECT COUNT(*) FROM account WHERE owner IS NULL"));
        assertEquals(117, longQuery("SELECT COUNT(*) FROM account WHERE owner LIKE 'o%!'"));
        assertEquals(120 * 119 / 2 * 100 + 120 * 150,
                longQuery("SELECT CAST(SUM(balance) * 100 AS INTEGER) FROM account"));
    }

    @Test
    void oneStaleRowAmongManyFailsTheWholeFlush() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            accounts.add(new Account("p" + i, new BigDecimal("1.00")));
        }
        setup.transaction(s -> s.addAll(accounts));
        try (Session one = sessions.open(); Session two = sessions.open()) {
            List<Account> mine = one.scalars(select(Account.class)).all();
            Account theirs = two.get(Account.class, accounts.get(25).id);
            theirs.balance = new BigDecimal("9.00");
            two.commit();
            for (Account a : mine) {
                a.balance = new BigDecimal("2.00");
            }
            StaleDataException e = assertThrows(StaleDataException.class, one::flush);
            assertTrue(e.getMessage().startsWith("ATHANOR-2022: UPDATE statement on table 'account' expected to update "
                    + "40 row(s); 39 were matched."), e.getMessage());
            one.rollback();
        }
        assertEquals(0, longQuery("SELECT COUNT(*) FROM account WHERE balance = 2"), "nothing of the failed flush");
        assertEquals(1, longQuery("SELECT COUNT(*) FROM account WHERE balance = 9"));
    }

    @Test
    void versionCounterDetectsALostUpdate() {
        Account a = new Account("ann", new BigDecimal("10.00"));
        setup.transaction(s -> s.add(a));
        assertEquals(1, a.version);
        try (Session one = sessions.open(); Session two = sessions.open()) {
            Account mine = one.get(Account.class, a.id);
            Account theirs = two.get(Account.class, a.id);
            mine.balance = new BigDecimal("20.00");
            one.commit();
            theirs.balance = new BigDecimal("30.00");
            StaleDataException e = assertThrows(StaleDataException.class, two::flush);
            assertTrue(e.getMessage().startsWith("ATHANOR-2022: UPDATE statement on table 'account' expected to update "
                    + "1 row(s); 0 were matched."), e.getMessage());
            two.rollback();
        }
        assertEquals(2, longQuery("SELECT version FROM account"));
        assertEquals(2000, longQuery("SELECT CAST(balance * 100 AS INTEGER) FROM account"));
    }

    @Test
    void versionCounterChecksDeletes() {
        Account a = new Account("bob", BigDecimal.ONE);
        setup.transaction(s -> s.add(a));
        try (Session one = sessions.open(); Session two = sessions.open()) {
            Account mine = one.get(Account.class, a.id);
            Account theirs = two.get(Account.class, a.id);
            mine.owner = "bobby";
            one.commit();
            two.delete(theirs);
            assertThrows(StaleDataException.class, two::flush);
        }
        assertEquals(1, count("account"));
    }

    @Test
    void failedFlushRollsBackAndRequiresRollback() {
        sessions.transaction(s -> {
            User u = new User("taken");
            u.email = "x@example.org";
            s.add(u);
        });
        try (Session s = sessions.open()) {
            User ok = new User("fine");
            s.add(ok);
            s.flush();
            User dup = new User("dup");
            dup.email = "x@example.org";
            s.add(dup);
            IntegrityException e = assertThrows(IntegrityException.class, s::flush);
            assertTrue(e.sqlState().startsWith("23"), e.sqlState());
            assertTrue(e.getMessage().startsWith("ATHANOR-2020: INSERT into users failed"), e.getMessage());
            assertFalse(s.isActive());
            assertTrue(Athanor.inspect(dup).isTransient(), "pending objects are already transient");
            assertTrue(Athanor.inspect(ok).isTransient(), "objects inserted in the rolled-back transaction too");
            PendingRollbackException p1 = assertThrows(PendingRollbackException.class, s::commit);
            assertTrue(p1.getMessage().startsWith("ATHANOR-3001"), p1.getMessage());
            assertThrows(PendingRollbackException.class, () -> s.scalars(select(User.class)).all());
            assertThrows(PendingRollbackException.class, () -> s.get(User.class, 12345L));
            s.rollback();
            assertTrue(s.isActive());
            assertEquals(1, s.scalars(select(User.class)).all().size());
        }
        assertEquals(1, count("users"), "nothing of the failed transaction was written");
    }

    @Test
    void autoflushBeforeQueriesButNotInsideNoAutoflush() {
        try (Session s = sessions.open()) {
            s.add(new User("auto"));
            assertEquals(1, s.scalars(select(User.class).where(User_.name.eq("auto"))).all().size());
            s.add(new User("manual"));
            try (NoAutoflush block = s.noAutoflush()) {
                assertEquals(0, s.scalars(select(User.class).where(User_.name.eq("manual"))).all().size());
            }
            assertEquals(1, s.scalars(select(User.class).where(User_.name.eq("manual"))).all().size());
            s.rollback();
        }
        assertEquals(0, count("users"));
    }

    @Test
    void autoflushOffWaitsForAnExplicitFlush() {
        SessionMaker manual = SessionMaker.builder(TestModel.REGISTRY).bind(engine).autoflush(false).build();
        try (Session s = manual.open()) {
            s.add(new User("later"));
            assertEquals(0, s.scalars(select(User.class)).all().size());
            s.flush();
            assertEquals(1, s.scalars(select(User.class)).all().size());
        }
    }

    @Test
    void serverDefaultsAreOmittedAndLoadedOnAccess() {
        Item item = new Item("bolt");
        try (Session s = sessions.open()) {
            s.add(item);
            s.flush();
            assertTrue(Athanor.inspect(item).expiredAttributes().contains("stock"));
            assertEquals(7, item.stock);
            s.commit();
        }
    }
}
