package io.athanor.ext.hybrid;

import static io.athanor.sql.Sql.select;
import static io.athanor.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.ext.hybrid.model.Android;
import io.athanor.ext.hybrid.model.Android_;
import io.athanor.ext.hybrid.model.Book;
import io.athanor.ext.hybrid.model.Book_;
import io.athanor.ext.hybrid.model.HybridModel;
import io.athanor.ext.hybrid.model.Person;
import io.athanor.ext.hybrid.model.Person_;
import io.athanor.ext.hybrid.model.Robot;
import io.athanor.ext.hybrid.model.Robot_;
import io.athanor.ext.hybrid.model.Shelf;
import io.athanor.ext.hybrid.model.Shelf_;
import io.athanor.ext.hybrid.model.Span;
import io.athanor.ext.hybrid.model.Span_;
import io.athanor.sql.Update;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * SQLAlchemy's update_expression and overrides, hybrids over relationships and an association proxy,
 * and derived hybrid methods, on every database.
 */
@AllDatabases
class HybridFidelityTest {
    @Parameter
    DatabaseHandle db;

    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        sessions = HybridModel.fresh(db);
    }

    @Test
    void updateExpressionSetsTheColumnsAHybridStandsFor() {
        sessions.transaction(s -> s.addAll(List.of(new Span(1, 3), new Span(10, 11))));
        Update stmt = update(Span.class).set(Span_.length, 25);
        assertEquals(List.of(Span_.finish), List.copyOf(stmt.values().keySet()), "expanded when the statement is built");
        try (Session s = sessions.open(); SqlCapture sql = SqlCapture.start()) {
            s.execute(stmt);
            String update = sql.statements().stream().filter(x -> x.toLowerCase().startsWith("update")).findFirst()
                    .orElseThrow().replaceAll("[`\"]", "").toLowerCase();
            assertTrue(update.matches("update hy_span set finish = \\(?hy_span\\.start \\+ \\?\\)?.*"), update);
            s.commit();
        }
        try (Session s = sessions.open()) {
            assertEquals(List.of(25, 25), s.scalars(select(Span_.length).orderBy(Span_.start)).all());
            assertEquals(List.of(26, 35), s.scalars(select(Span_.finish).orderBy(Span_.start)).all());
        }
    }

    @Test
    void aHybridThatIsAColumnIsAssignableWithoutAnUpdateExpression() {
        sessions.transaction(s -> s.add(new Span(1, 3)));
        try (Session s = sessions.open()) {
            s.execute(update(Span.class).set(Span_.begin, 2));
            s.commit();
        }
        try (Session s = sessions.open()) {
            assertEquals(List.of(2), s.scalars(select(Span_.start)).all());
        }
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> update(Person.class).set(Person_.tripleScoreMinusOne, 5));
        assertEquals("ATHANOR-7010: hybrid io.athanor.ext.hybrid.model.Person.tripleScoreMinusOne is not a column, so"
                + " update(...).set(...) cannot assign it: add a static method annotated"
                + " @HybridUpdateExpression(\"tripleScoreMinusOne\") that returns the columns to set for a value"
                + " (SQLAlchemy's update_expression)", e.getMessage());
    }

    @Test
    void aMixinsUpdateExpressionSetsEachClassItsOwnColumnsAndASubclassMayRedefineIt() {
        sessions.transaction(s -> s.addAll(List.of(
                new Person("Ada", "Lovelace", 36, 10, 0L, true, true, "b"),
                new Robot("R2", "D2"),
                new Android("Data", "Soong"))));
        try (Session s = sessions.open()) {
            s.execute(update(Person.class).where(Person_.first.eq("Ada")).set(Person_.fullName, "Augusta King"));
            s.execute(update(Robot.class).set(Robot_.fullName, "C3 PO"));
            s.execute(update(Android.class).set(Android_.fullName, "Soong Lore"));
            s.commit();
        }
        try (Session s = sessions.open()) {
            assertEquals(List.of("Augusta King"), s.scalars(select(Person_.fullName)).all());
            assertEquals(List.of("C3 PO"), s.scalars(select(Robot_.fullName)).all());
            assertEquals(List.of("Lore"), s.scalars(select(Android_.first)).all(), "Android's own: \"Last First\"");
            assertEquals(List.of("Lore Soong"), s.scalars(select(Android_.fullName)).all());
        }
    }

    @Test
    void aSubclassRedefinesAnInheritedHybridForItselfOnly() {
        sessions.transaction(s -> s.addAll(List.of(new Robot("R2", " D2 "), new Android("Data", " Soong "))));
        try (Session s = sessions.open()) {
            Android data = s.scalars(select(Android.class)).one();
            assertEquals("android  Soong ", data.getDisplayName());
            assertEquals(List.of(data.getDisplayName()), s.scalars(select(Android_.displayName)).all(),
                    "the redefined getter, derived again for Android");
            assertEquals(List.of(" D2 , R2"), s.scalars(select(Robot_.displayName)).all(), "Robot keeps the mixin's");
            assertEquals(List.of("SOONG"), s.scalars(select(Android_.upperLast)).all(), "Android's own expression");
            assertEquals(List.of(" D2 "), s.scalars(select(Robot_.upperLast)).all(), "Robot keeps the mixin's");
        }
    }

    @Test
    void relationshipAnyAndHasInsideHybridExpressions() {
        Shelf full = new Shelf("full");
        Book sql = new Book("SQL Basics");
        Book java = new Book("Java");
        full.books.addAll(List.of(sql, java));
        Shelf empty = new Shelf("empty");
        Book loose = new Book("Loose");
        sessions.transaction(s -> s.addAll(List.of(full, empty, loose)));
        try (Session s = sessions.open()) {
            assertEquals(List.of("full"), s.scalars(select(Shelf_.name).where(Shelf_.stocked)).all());
            assertEquals(List.of("empty"), s.scalars(select(Shelf_.name).where(Shelf_.stocked.not())).all());
            assertEquals(List.of("full"), s.scalars(select(Shelf_.name).where(Shelf_.hasTitle("Java"))).all());
            assertEquals(List.of(), s.scalars(select(Shelf_.name).where(Shelf_.hasTitle("java"))).all(),
                    "case counts, as String.equals does");
            assertEquals(List.of("Java", "SQL Basics"), s.scalars(select(Book_.title).where(Book_.shelved)
                    .orderBy(Book_.title)).all());
            for (Shelf shelf : s.scalars(select(Shelf.class)).all()) {
                assertEquals(shelf.isStocked(), shelf.name.equals("full"), "Java agrees with SQL");
            }
        }
    }

    @Test
    void aHybridCombinedWithAnAssociationProxy() {
        Shelf full = new Shelf("full");
        Shelf.TITLES.list(full).addAll(List.of("SQL Basics", "Java"));
        Shelf other = new Shelf("other");
        Shelf.TITLES.list(other).add("Poems");
        sessions.transaction(s -> s.addAll(List.of(full, other)));
        try (Session s = sessions.open()) {
            assertEquals(List.of("full"), s.scalars(select(Shelf_.name).where(Shelf_.holds("Java"))).all());
            assertEquals(List.of("full"), s.scalars(select(Shelf_.name).where(Shelf_.aboutSql)).all());
            assertEquals(List.of("other"), s.scalars(select(Shelf_.name).where(Shelf_.aboutSql.not())).all());
            Map<String, Boolean> java = s.scalars(select(Shelf.class)).all().stream()
                    .collect(Collectors.toMap(x -> x.name, x -> x.holds("Java") && x.isAboutSql()));
            assertEquals(Map.of("full", true, "other", false), java, "the Java side reads the proxy's view");
        }
    }

    @Test
    void derivedHybridMethodsTakeFieldsOrValues() {
        sessions.transaction(s -> s.addAll(List.of(new Span(1, 3), new Span(10, 20))));
        try (Session s = sessions.open()) {
            assertEquals(List.of(1), s.scalars(select(Span_.start).where(Span_.covers(2))).all());
            assertEquals(List.of(10), s.scalars(select(Span_.start).where(Span_.covers(Span_.start.plus(5)))).all(),
                    "a SQL expression as the argument");
            assertEquals(List.of(10), s.scalars(select(Span_.start).where(Span_.longerThan(5))).all());
            assertEquals(List.of(), s.scalars(select(Span_.start).where(Span_.longerThan((Integer) null))).all(),
                    "the null guard: false, as in Java");
            for (Span span : s.scalars(select(Span.class)).all()) {
                assertEquals(span.covers(2), span.start == 1);
                assertEquals(span.longerThan(null), false);
            }
            assertEquals(List.of(true), s.scalars(select(Hybrids.call(Span.class, "covers", 11))
                    .where(Span_.start.eq(10))).all());
        }
    }
}
