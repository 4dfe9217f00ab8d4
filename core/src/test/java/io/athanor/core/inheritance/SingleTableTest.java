package io.athanor.core.inheritance;

import static io.athanor.sql.Load.selectinload;
import static io.athanor.sql.Sql.delete;
import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.IdentityKey;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.SessionTransaction;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Schemas;
import io.athanor.testsupport.SqlCapture;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Single-table inheritance: one table, a discriminator, instances of the right classes. */
@AllDatabases
class SingleTableTest {
    static final Registry REGISTRY = Registry.of(Team.class, Staff.class, Manager.class, Engineer.class,
            Principal.class);

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;
    long ada;
    long bob;
    long cy;
    long team;

    @BeforeEach
    void setUp() {
        engine = Schemas.fresh(db, REGISTRY, List.of("DELETE FROM inh_staff", "DELETE FROM inh_teams"));
        sessions = SessionMaker.builder(REGISTRY).bind(engine).build();
        sessions.transaction(s -> {
            Team t = new Team("core");
            Manager m = new Manager("ada", 100);
            Engineer e = new Engineer("bob", "java");
            Principal p = new Principal("cy", "rust", "storage");
            t.members.addAll(List.of(m, e, p));
            s.add(t);
            s.flush();
            ada = m.id;
            bob = e.id;
            cy = p.id;
            team = t.id;
        });
    }

    private List<List<String>> rows() {
        return Schemas.rows(engine, "SELECT name, kind, budget, language, area FROM inh_staff ORDER BY name");
    }

    /** The statements with MariaDB's backquotes as double quotes. */
    private static List<String> shape(SqlCapture sql) {
        return sql.statements().stream().map(x -> x.replace('`', '"')).toList();
    }

    @Test
    void rowsCarryTheDiscriminatorAndNullsForOtherClassesColumns() {
        assertEquals(List.of(Arrays.asList("ada", "Manager", "100", null, null),
                Arrays.asList("bob", "engineer", null, "java", null),
                Arrays.asList("cy", "principal", null, "rust", "storage")), rows());
    }

    @Test
    void theDiscriminatorIsSetWhenTheInstanceIsCreated() {
        assertEquals("Manager", new Manager("x", 1).kind);
        assertEquals("engineer", new Engineer("x", "go").kind);
        assertEquals("principal", new Principal("x", "go", "y").kind);
    }

    @Test
    void selectingTheBaseReturnsInstancesOfEachRowsClass() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Staff> all = s.scalars(select(Staff.class).orderBy(Staff_.name)).all();
            assertEquals(3, all.size());
            assertInstanceOf(Manager.class, all.get(0));
            assertEquals(Engineer.class, all.get(1).getClass());
            assertInstanceOf(Principal.class, all.get(2));
            assertEquals(1, sql.count());
            assertFalse(shape(sql).get(0).contains("WHERE"), "the base selects every row: " + sql.statements());
        }
    }

    @Test
    void subclassColumnsNotSelectedLoadOnFirstAccess() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Principal p = (Principal) s.scalars(select(Staff.class).where(Staff_.name.eq("cy"))).one();
            assertEquals(1, sql.count());
            assertEquals(List.of("team", "language", "area"), List.copyOf(Athanor.inspect(p).unloadedAttributes()));
            assertEquals("storage", p.area);
            assertEquals("rust", p.language);
            assertEquals(2, sql.count(), "one SELECT loads every unloaded column");
            assertEquals("cy", p.name, "no SQL for a loaded column");
            assertEquals(2, sql.count());
        }
    }

    @Test
    void selectingASubclassAddsTheDiscriminatorCriterionWithItsSubclasses() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Engineer> engineers = s.scalars(select(Engineer.class).orderBy(Staff_.name)).all();
            assertEquals(List.of("bob", "cy"), engineers.stream().map(e -> e.name).toList());
            assertEquals(Principal.class, engineers.get(1).getClass());
            assertEquals("rust", engineers.get(1).language, "the Engineer's columns were selected");
            assertEquals(1, sql.count());
            assertTrue(shape(sql).get(0).contains("WHERE \"inh_staff\".\"kind\" IN ('engineer', 'principal')"),
                    shape(sql).get(0));
            List<Manager> managers = s.scalars(select(Manager.class)).all();
            assertEquals(List.of("ada"), managers.stream().map(m -> m.name).toList());
            assertTrue(shape(sql).get(1).endsWith("WHERE \"inh_staff\".\"kind\" = 'Manager'"), shape(sql).get(1));
        }
    }

    @Test
    void getOfTheBaseFindsTheSubclassInstance() {
        try (Session s = sessions.open()) {
            Staff found = s.get(Staff.class, ada);
            assertInstanceOf(Manager.class, found);
            assertSame(found, s.get(Manager.class, ada), "one instance per row, whatever class asked for it");
            assertEquals(100, ((Manager) found).budget);
            assertTrue(s.identityMap().containsKey(new IdentityKey(Staff.class, ada)),
                    "identity is per base class: " + s.identityMap().keySet());
        }
    }

    @Test
    void getOfAnotherSubclassReturnsNull() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            assertNull(s.get(Engineer.class, ada), "not in the identity map: the SELECT's criterion excludes it");
            assertTrue(shape(sql).get(0).contains("\"inh_staff\".\"kind\" IN ('engineer', 'principal')"),
                    shape(sql).get(0));
            assertInstanceOf(Manager.class, s.get(Staff.class, ada));
            assertNull(s.get(Engineer.class, ada), "in the identity map as a Manager");
            assertInstanceOf(Principal.class, s.get(Engineer.class, cy));
        }
    }

    @Test
    void updateWritesOnlyTheChangedSubclassColumn() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Principal p = s.get(Principal.class, cy);
            p.area = "compute";
            s.commit();
            List<String> updates = shape(sql).stream().filter(x -> x.startsWith("UPDATE")).toList();
            assertEquals(1, updates.size());
            assertEquals("UPDATE \"inh_staff\" SET \"version\" = ?, \"area\" = ? WHERE (\"id\" = ? AND \"version\" = ?)",
                    updates.get(0), "the changed column and the version counter only");
        }
        assertEquals(Arrays.asList("cy", "principal", null, "rust", "compute"), rows().get(2));
    }

    @Test
    void deleteRemovesTheRowAndDetachesOnCommit() {
        try (Session s = sessions.open()) {
            Manager m = s.get(Manager.class, ada);
            s.delete(m);
            s.commit();
            assertTrue(Athanor.inspect(m).isDetached());
        }
        assertEquals(2, rows().size());
    }

    @Test
    void relationshipToTheBaseHoldsSubclassInstances() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Team t = s.get(Team.class, team);
            List<Class<?>> classes = t.members.stream().<Class<?>>map(Object::getClass).sorted(
                    java.util.Comparator.comparing(Class::getSimpleName)).toList();
            assertEquals(List.of(Engineer.class, Manager.class, Principal.class), classes);
            assertEquals(2, sql.count(), "the team, then its members");
            assertSame(t, t.members.get(0).team);
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Team t = s.scalars(select(Team.class).options(selectinload(Team_.members))).one();
            assertEquals(3, t.members.size());
            assertEquals(2, sql.count());
            assertTrue(t.members.stream().anyMatch(m -> m instanceof Principal p && "storage".equals(p.area)));
        }
    }

    @Test
    void bulkUpdateOfASubclassTouchesItsRowsOnly() {
        try (Session s = sessions.open()) {
            Engineer bobs = s.get(Engineer.class, bob);
            s.execute(update(Engineer.class).set(Staff_.name, "eng"));
            assertEquals("eng", bobs.name, "the session's engineers are synchronised");
            assertEquals("ada", s.get(Manager.class, ada).name);
            s.commit();
        }
        assertEquals(List.of("ada", "eng", "eng"), rows().stream().map(r -> r.get(0)).toList());
        try (Session s = sessions.open()) {
            s.execute(delete(Manager.class));
            s.commit();
        }
        assertEquals(2, rows().size());
    }

    @Test
    void savepointRollbackMakesAnInsertedSubclassInstanceTransient() {
        try (Session s = sessions.open()) {
            Team t = s.get(Team.class, team);
            Principal p = new Principal("dee", "go", "network");
            try (SessionTransaction sp = s.beginNested()) {
                t.members.add(p);
                s.flush();
                assertTrue(Athanor.inspect(p).isPersistent());
                sp.rollback();
            }
            assertTrue(Athanor.inspect(p).isTransient());
            assertEquals(3, s.scalars(select(Staff.class)).all().size());
            s.rollback();
        }
    }

    @Test
    void expiredSubclassInstanceReloadsItsOwnColumns() {
        try (Session s = sessions.open()) {
            Principal p = s.get(Principal.class, cy);
            s.expire(p);
            Schemas.execute(engine, "UPDATE inh_staff SET area = 'ops' WHERE id = " + cy);
            s.rollback();
            assertEquals("ops", p.area);
            s.refresh(p);
            assertEquals("principal", p.kind);
        }
    }

    @Test
    void mergeOfADetachedSubclassInstance() {
        Manager detached;
        try (Session s = sessions.open()) {
            detached = s.get(Manager.class, ada);
            assertEquals(100, detached.budget);
        }
        detached.budget = 250;
        try (Session s = sessions.open()) {
            Manager merged = s.merge(detached);
            assertEquals(Manager.class, merged.getClass());
            s.commit();
        }
        assertEquals("250", rows().get(0).get(2));
    }

    @Test
    void aRowWithAnUnknownDiscriminatorValueIsRefusedWithTheKnownValues() {
        Schemas.execute(engine, "UPDATE inh_staff SET kind = 'intern' WHERE id = " + bob);
        try (Session s = sessions.open()) {
            io.athanor.InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.athanor.InvalidRequestException.class, () -> s.get(Staff.class, bob));
            assertEquals("ATHANOR-2056: a row of table 'inh_staff' has the discriminator value 'intern', which no class "
                    + "of " + Staff.class.getName() + "'s hierarchy in this Registry has (known: Manager, engineer, "
                    + "principal): map the class of those rows, or correct the row", e.getMessage());
        }
    }

    @Test
    void subclassColumnsInCriteriaOfASubclassSelect() {
        try (Session s = sessions.open()) {
            List<Engineer> rust = s.scalars(select(Engineer.class).where(Engineer_.language.eq("rust"))).all();
            assertEquals(1, rust.size());
            assertInstanceOf(Principal.class, rust.get(0));
        }
    }

    @Test
    void oneIdentityMapEntryPerRowKeyedByTheBase() {
        try (Session s = sessions.open()) {
            s.scalars(select(Staff.class)).all();
            s.scalars(select(Engineer.class)).all();
            assertEquals(3, s.identityMap().size());
            assertTrue(s.identityMap().keySet().stream().allMatch(k -> k.type() == Staff.class),
                    s.identityMap().keySet().toString());
        }
    }
}
