package io.athanor.core.inheritance;

import static io.athanor.sql.Load.joinedload;
import static io.athanor.sql.Load.selectinload;
import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.InvalidRequestException;
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

/** Joined-table inheritance: a table per level, rows spanning them, joined by the key. */
@AllDatabases
class JoinedTableTest {
    static final Registry REGISTRY = Registry.of(Garage.class, Vehicle.class, Car.class, Truck.class,
            SportsCar.class);

    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;
    long plain;
    long car;
    long truck;
    long sports;
    long garage;

    @BeforeEach
    void setUp() {
        engine = Schemas.fresh(db, REGISTRY, List.of("DELETE FROM inh_trucks", "DELETE FROM inh_cars",
                "DELETE FROM inh_vehicles", "DELETE FROM inh_garages"));
        sessions = SessionMaker.builder(REGISTRY).bind(engine).build();
        sessions.transaction(s -> {
            Garage g = new Garage("north");
            Vehicle v = new Vehicle("cart");
            Car c = new Car("fiat", 5);
            Truck t = new Truck("volvo", 12.5);
            SportsCar sc = new SportsCar("ferrari", 320);
            g.vehicles.addAll(List.of(v, c, t, sc));
            s.add(g);
            s.flush();
            plain = v.id;
            car = c.id;
            truck = t.id;
            sports = sc.id;
            garage = g.id;
        });
    }

    private List<List<String>> rows(String sql) {
        return Schemas.rows(engine, sql);
    }

    private static List<String> shape(SqlCapture sql) {
        return sql.statements().stream().map(x -> x.replace('`', '"')).toList();
    }

    @Test
    void eachLevelWritesItsOwnTableKeyedByTheBasesKey() {
        assertEquals(List.of(List.of("cart", "Vehicle"), List.of("fiat", "car"), List.of("volvo", "truck"),
                List.of("ferrari", "sports")), rows("SELECT maker, kind FROM inh_vehicles ORDER BY id"));
        assertEquals(List.of(Arrays.asList(String.valueOf(car), "5", null),
                List.of(String.valueOf(sports), "2", "320")),
                rows("SELECT id, seats, top_speed FROM inh_cars ORDER BY id"));
        assertEquals(List.of(List.of(String.valueOf(truck))), rows("SELECT id FROM inh_trucks"));
    }

    @Test
    void insertWritesTheBaseTableFirst() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            s.add(new Car("kia", 4));
            s.flush();
            List<String> inserts = shape(sql).stream().filter(x -> x.startsWith("INSERT")).toList();
            assertEquals(2, inserts.size());
            assertTrue(inserts.get(0).startsWith("INSERT INTO \"inh_vehicles\""), inserts.get(0));
            assertTrue(inserts.get(1).startsWith("INSERT INTO \"inh_cars\" (\"id\", \"seats\")"), inserts.get(1));
            s.rollback();
        }
    }

    @Test
    void selectingTheBaseReturnsEachRowsClassAndLoadsSubclassColumnsOnAccess() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Vehicle> all = s.scalars(select(Vehicle.class).orderBy(Vehicle_.id)).all();
            assertEquals(List.of(Vehicle.class, Car.class, Truck.class, SportsCar.class),
                    all.stream().map(Object::getClass).toList());
            assertEquals(1, sql.count());
            assertTrue(shape(sql).get(0).contains("FROM \"inh_vehicles\" ORDER BY"), shape(sql).get(0));
            SportsCar sc = (SportsCar) all.get(3);
            assertEquals(320, sc.topSpeed);
            assertEquals(2, sc.seats);
            assertEquals(2, sql.count(), "one SELECT of the subclass's tables by key");
            assertTrue(shape(sql).get(1).contains("FROM \"inh_vehicles\" JOIN \"inh_cars\" ON"), shape(sql).get(1));
        }
    }

    @Test
    void selectingASubclassJoinsItsTables() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            List<Car> cars = s.scalars(select(Car.class).where(Vehicle_.maker.ne("nobody")).orderBy(Car_.id)).all();
            assertEquals(List.of("fiat", "ferrari"), cars.stream().map(c -> c.maker).toList());
            assertEquals(List.of(5, 2), cars.stream().map(c -> c.seats).toList());
            assertInstanceOf(SportsCar.class, cars.get(1));
            assertEquals(1, sql.count(), "the car columns came with the rows");
            assertTrue(shape(sql).get(0).contains("FROM \"inh_vehicles\" JOIN \"inh_cars\" ON"), shape(sql).get(0));
            List<SportsCar> fast = s.scalars(select(SportsCar.class)).all();
            assertEquals(1, fast.size());
            assertSame(cars.get(1), fast.get(0));
            assertTrue(shape(sql).get(1).contains("\"inh_vehicles\".\"kind\" = 'sports'"), shape(sql).get(1));
        }
    }

    @Test
    void getAcrossTheHierarchy() {
        try (Session s = sessions.open()) {
            Vehicle v = s.get(Vehicle.class, truck);
            assertInstanceOf(Truck.class, v);
            assertSame(v, s.get(Truck.class, truck));
            assertNull(s.get(Car.class, truck));
            assertEquals(12.5, ((Truck) v).payload);
        }
        try (Session s = sessions.open()) {
            assertNull(s.get(Car.class, truck), "the join finds no car row");
            Car c = s.get(Car.class, sports);
            assertInstanceOf(SportsCar.class, c);
            assertEquals(320, ((SportsCar) c).topSpeed);
        }
    }

    @Test
    void updateTouchesOnlyTheTablesWhoseColumnsChangedAndTheBasesVersion() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Car c = s.get(Car.class, car);
            c.seats = 7;
            s.commit();
            List<String> updates = shape(sql).stream().filter(x -> x.startsWith("UPDATE")).toList();
            assertEquals(List.of("UPDATE \"inh_vehicles\" SET \"version\" = ? WHERE (\"id\" = ? AND \"version\" = ?)",
                    "UPDATE \"inh_cars\" SET \"seats\" = ? WHERE \"id\" = ?"), updates);
        }
        assertEquals(List.of(List.of("7", "2")), rows("SELECT c.seats, v.version FROM inh_cars c JOIN inh_vehicles v "
                + "ON v.id = c.id WHERE c.id = " + car));
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Car c = s.get(Car.class, car);
            c.maker = "fiat2";
            s.commit();
            assertEquals(List.of("UPDATE \"inh_vehicles\" SET \"maker\" = ?, \"version\" = ? WHERE (\"id\" = ? AND "
                    + "\"version\" = ?)"), shape(sql).stream().filter(x -> x.startsWith("UPDATE")).toList());
        }
    }

    @Test
    void deleteRemovesTheSubclassRowBeforeTheBaseRow() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            s.delete(s.get(SportsCar.class, sports));
            s.commit();
            List<String> deletes = shape(sql).stream().filter(x -> x.startsWith("DELETE")).toList();
            assertEquals(2, deletes.size());
            assertTrue(deletes.get(0).startsWith("DELETE FROM \"inh_cars\""), deletes.get(0));
            assertTrue(deletes.get(1).startsWith("DELETE FROM \"inh_vehicles\""), deletes.get(1));
        }
        assertEquals(1, Schemas.count(engine, "inh_cars"));
        assertEquals(3, Schemas.count(engine, "inh_vehicles"));
    }

    @Test
    void relationshipToTheBaseLoadsEveryClassLazilyAndBySelectin() {
        try (Session s = sessions.open()) {
            Garage g = s.get(Garage.class, garage);
            assertEquals(4, g.vehicles.size());
            assertTrue(g.vehicles.stream().anyMatch(v -> v instanceof Truck t && t.payload == 12.5));
            assertSame(g, g.vehicles.get(0).garage);
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Garage g = s.scalars(select(Garage.class).options(selectinload(Garage_.vehicles))).one();
            assertEquals(4, g.vehicles.size());
            assertEquals(2, sql.count());
        }
    }

    @Test
    void relationshipToAJoinedSubclassJoinsItsTables() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Garage g = s.get(Garage.class, garage);
            assertEquals(List.of(5, 2), g.cars.stream().map(c -> c.seats).toList(), "lazy load");
            assertEquals(2, sql.count());
            assertTrue(shape(sql).get(1).contains("FROM \"inh_vehicles\" JOIN \"inh_cars\" ON"), shape(sql).get(1));
        }
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Garage g = s.scalars(select(Garage.class).options(selectinload(Garage_.cars))).one();
            assertEquals(List.of("fiat", "ferrari"), g.cars.stream().map(c -> c.maker).toList());
            assertEquals(2, sql.count());
        }
    }

    @Test
    void joinedEagerLoadingOfTheBaseLoadsItsColumns() {
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            Garage g = s.scalars(select(Garage.class).options(joinedload(Garage_.vehicles))).one();
            assertEquals(4, g.vehicles.size());
            assertEquals(1, sql.count());
            assertEquals(List.of(Vehicle.class, Car.class, Truck.class, SportsCar.class),
                    g.vehicles.stream().sorted(java.util.Comparator.comparing(v -> v.id)).map(Object::getClass).toList());
        }
    }

    @Test
    void joinedEagerLoadingIntoAJoinedSubclassIsRefusedWithTheFix() {
        try (Session s = sessions.open()) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> s.scalars(select(Garage.class).options(joinedload(Garage_.cars))).all());
            assertTrue(e.getMessage().startsWith("ATHANOR-4055: can't joinedload"), e.getMessage());
            assertTrue(e.getMessage().endsWith("use selectinload(...) instead"), e.getMessage());
        }
    }

    @Test
    void bulkUpdateOfAJoinedClassIsRefusedWithTheFix() {
        try (Session s = sessions.open()) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> s.execute(update(Car.class).set(Car_.seats, 1)));
            assertEquals("ATHANOR-4056: bulk UPDATE and DELETE of " + Car.class.getName() + " are not supported: "
                    + "its rows span the tables of a joined-table hierarchy. Load the instances and change or delete "
                    + "them in the session, or run text() statements on each table", e.getMessage());
        }
    }

    @Test
    void savepointRollbackOfAJoinedInsert() {
        try (Session s = sessions.open()) {
            Truck t = new Truck("man", 30.0);
            try (SessionTransaction sp = s.beginNested()) {
                s.add(t);
                s.flush();
                sp.rollback();
            }
            assertTrue(Athanor.inspect(t).isTransient());
            assertEquals(1, s.scalars(select(Truck.class)).all().size());
            s.rollback();
        }
        assertEquals(1, Schemas.count(engine, "inh_trucks"));
    }

    @Test
    void metamodelOfASubclassNamesTheTableOfEachAttribute() {
        assertEquals("inh_vehicles", Car_.maker.table());
        assertEquals("inh_cars", Car_.seats.table());
        assertEquals("inh_cars", SportsCar_.topSpeed.table());
        assertEquals("inh_vehicles", SportsCar_.kind.table());
    }

    @Test
    void removingAnOrphanDeletesItsRowsInEveryTable() {
        try (Session s = sessions.open()) {
            Garage g = s.get(Garage.class, garage);
            Vehicle sc = g.vehicles.stream().filter(v -> v instanceof SportsCar).findFirst().orElseThrow();
            g.vehicles.remove(sc);
            s.commit();
        }
        assertEquals(1, Schemas.count(engine, "inh_cars"));
        assertEquals(3, Schemas.count(engine, "inh_vehicles"));
    }

    @Test
    void theBasesVersionGuardsAChangeOfASubclassColumn() {
        try (Session s = sessions.open()) {
            Car c = s.get(Car.class, car);
            Schemas.execute(engine, "UPDATE inh_vehicles SET version = version + 1 WHERE id = " + car);
            c.seats = 9;
            assertThrows(io.athanor.StaleDataException.class, s::flush);
            s.rollback();
        }
        assertEquals(List.of(List.of("5")), rows("SELECT seats FROM inh_cars WHERE id = " + car));
    }

    @Test
    void mergeAndRefreshOfAJoinedSubclassInstance() {
        Truck detached;
        try (Session s = sessions.open()) {
            detached = s.get(Truck.class, truck);
            assertEquals(12.5, detached.payload);
        }
        detached.payload = 20.0;
        try (Session s = sessions.open()) {
            Truck merged = s.merge(detached);
            assertEquals(20.0, merged.payload);
            s.commit();
        }
        try (Session s = sessions.open()) {
            Truck t = s.get(Truck.class, truck);
            Schemas.execute(engine, "UPDATE inh_trucks SET payload = 21.5 WHERE id = " + truck);
            s.rollback();
            s.refresh(t);
            assertEquals(21.5, t.payload);
            assertEquals("volvo", t.maker);
        }
    }
}
