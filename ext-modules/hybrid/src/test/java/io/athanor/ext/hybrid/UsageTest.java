package io.athanor.ext.hybrid;

import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.DatabaseException;
import io.athanor.InvalidRequestException;
import io.athanor.Row;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.ext.hybrid.model.HybridModel;
import io.athanor.ext.hybrid.model.Person;
import io.athanor.ext.hybrid.model.Person_;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Hybrids in each clause of a select, the writable side, run-time lookup and its errors. */
@AllDatabases
class UsageTest {
    @Parameter
    DatabaseHandle db;

    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        sessions = HybridModel.fresh(db);
        sessions.transaction(s -> {
            s.add(new Person("Ada", "Lovelace", 36, 10, 0L, true, true, "b"));
            s.add(new Person("Grace", "Hopper", 85, 3, 0L, false, true, "A"));
            s.add(new Person("Alan", "Turing", 41, 7, 0L, true, false, "c"));
        });
    }

    @Test
    void inWhereOrderByAndAloneInTheSelectList() {
        try (Session s = sessions.open()) {
            Person ada = s.scalars(select(Person.class).where(Person_.fullName.eq("Ada Lovelace"))).one();
            assertEquals("Ada", ada.first);
            assertEquals(List.of("Grace Hopper", "Alan Turing", "Ada Lovelace"),
                    s.scalars(select(Person_.fullName).orderBy(Person_.tripleScoreMinusOne.asc())).all());
            assertEquals(List.of("Alan Turing", "Ada Lovelace"),
                    s.scalars(select(Person_.fullName).where(Person_.adult, Person_.active.isTrue())
                            .orderBy(Person_.displayName.desc())).all());
        }
    }

    @Test
    void inGroupBy() {
        try (Session s = sessions.open()) {
            Map<Object, Object> counts = new TreeMap<>();
            for (Row row : s.execute(select(Person_.status, DSL.count()).groupBy(Person_.status)).all()) {
                counts.put(row.get(0), ((Number) row.get(1)).intValue());
            }
            assertEquals(Map.of("off", 1, "on", 2), counts);
        }
    }

    @Test
    void comparatorOrdersAndFiltersCaseInsensitively() {
        try (Session s = sessions.open()) {
            assertEquals(List.of("Grace", "Ada", "Alan"), s.scalars(select(Person_.first)
                    .orderBy(Person_.wordInsensitive.asc())).all());
            assertEquals(List.of("Grace"), s.scalars(select(Person_.first)
                    .where(Person_.wordInsensitive.eq("a"))).all());
            assertEquals(List.of("Ada", "Alan"), s.scalars(select(Person_.first)
                    .where(Person_.wordInsensitive.in(List.of("B", "C"))).orderBy(Person_.first)).all());
        }
    }

    @Test
    void settingAWritableHybridUpdatesItsFields() {
        try (Session s = sessions.open()) {
            Person ada = s.scalars(select(Person.class).where(Person_.first.eq("Ada"))).one();
            ada.setFullName("Augusta King");
            assertTrue(Athanor.inspect(ada).attr("first").history().hasChanges());
            try (SqlCapture sql = SqlCapture.start()) {
                s.flush();
                assertEquals(1, sql.statements().size(), sql.statements()::toString);
                assertTrue(sql.statements().get(0).toLowerCase().startsWith("update"), sql.statements()::toString);
            }
            s.commit();
        }
        try (Session s = sessions.open()) {
            assertEquals("Augusta", s.scalars(select(Person.class).where(Person_.fullName.eq("Augusta King"))).one().first);
        }
    }

    @Test
    void runTimeLookupReturnsTheMetamodelMembers() {
        assertSame(Person_.fullName, Hybrids.expression(Person.class, "fullName"));
        assertSame(Person_.adult, Hybrids.expression(Person.class, "adult"));
        assertSame(Person_.wordInsensitive, Hybrids.compared(Person.class, "wordInsensitive"));
        try (Session s = sessions.open()) {
            assertEquals(List.of("Ada"), s.scalars(select(Person_.first)
                    .where((org.jooq.Condition) Hybrids.call(Person.class, "nameStartsWith", "Ad"))).all());
            assertEquals(List.of(11), s.scalars(select(Hybrids.call(Person.class, "scorePlus", 1))
                    .where(Person_.first.eq("Ada"))).all());
        }
    }

    @Test
    void javaOnlyHybridsAreRefusedByName() {
        InvalidRequestException property = assertThrows(InvalidRequestException.class,
                () -> Hybrids.expression(Person.class, "nickname"));
        assertEquals("ATHANOR-7002: hybrid property io.athanor.ext.hybrid.model.Person.nickname has no SQL expression:"
                + " add a static method annotated @HybridExpression(\"nickname\") that returns it as a jOOQ Field or"
                + " Condition (or let the processor derive it: a getter whose body is one return statement, without"
                + " derive = false)", property.getMessage());
        InvalidRequestException method = assertThrows(InvalidRequestException.class,
                () -> Hybrids.call(Person.class, "likes", "x"));
        assertEquals("ATHANOR-7002: hybrid method io.athanor.ext.hybrid.model.Person.likes has no SQL expression:"
                + " add a static method annotated @HybridExpression(\"likes\") that returns it as a jOOQ Field or"
                + " Condition", method.getMessage());
        InvalidRequestException unknown = assertThrows(InvalidRequestException.class,
                () -> Hybrids.expression(Person.class, "age"));
        assertTrue(unknown.getMessage().startsWith("ATHANOR-7001: io.athanor.ext.hybrid.model.Person has no hybrid"
                + " named 'age'"), unknown.getMessage());
        InvalidRequestException arguments = assertThrows(InvalidRequestException.class,
                () -> Hybrids.call(Person.class, "scorePlus", "one"));
        assertTrue(arguments.getMessage().startsWith("ATHANOR-7006"), arguments.getMessage());
    }

    @Test
    void longOverflowIsADatabaseErrorWhereJavaWraps() {
        sessions.transaction(s -> s.add(new Person("Max", null, null, 1, Long.MAX_VALUE, false, null, null)));
        try (Session s = sessions.open()) {
            Person max = s.scalars(select(Person.class).where(Person_.first.eq("Max"))).one();
            assertEquals(Long.MIN_VALUE + 1, max.getBalanceWithBonus());
            assertThrows(DatabaseException.class, () -> s.scalars(select(Person_.balanceWithBonus)
                    .where(Person_.first.eq("Max"))).all());
        }
    }

    @Test
    void columnsRefuseUnknownAttributesAndWrongTypes() {
        Columns columns = Columns.of(Person.class, Person_.first, Person_.age);
        assertSame(Person_.age, columns.get("age", Integer.class));
        assertEquals("ATHANOR-7004: io.athanor.ext.hybrid.model.Person maps no column 'nick' for a hybrid expression;"
                + " its columns are [first, age]", assertThrows(InvalidRequestException.class,
                        () -> columns.get("nick", String.class)).getMessage());
        assertEquals("ATHANOR-7005: column 'age' of io.athanor.ext.hybrid.model.Person is a java.lang.Integer, not a"
                + " java.lang.Long: ask Columns.get for Integer.class", assertThrows(InvalidRequestException.class,
                        () -> columns.get("age", Long.class)).getMessage());
    }
}
