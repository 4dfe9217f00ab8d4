package io.athanor.ext.hybrid;

import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.athanor.Row;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.ext.hybrid.model.HybridModel;
import io.athanor.ext.hybrid.model.Person;
import io.athanor.ext.hybrid.model.Person_;
import io.athanor.ext.hybrid.model.Robot;
import io.athanor.ext.hybrid.model.Robot_;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * For every hybrid, the Java value on each loaded instance equals what the database computes from
 * the hybrid's SQL on the same row, over rows chosen for their edge cases: nulls, empty strings,
 * negatives, int overflow, case differences.
 */
@AllDatabases
class AgreementTest {
    @Parameter
    DatabaseHandle db;

    SessionMaker sessions;

    /** The edge cases; each row is a person. */
    static List<Person> people() {
        return List.of(
                new Person("Ada", "Lovelace", 36, 10, 1000L, true, true, "Hello"),
                new Person("ada", "", 17, -7, -5L, false, null, "hello"),
                new Person(null, "Hopper", null, 0, 0L, true, false, null),
                new Person("", null, 18, Integer.MAX_VALUE, 4_000_000_000L, false, true, "WORLD"),
                new Person(null, null, -3, Integer.MIN_VALUE, -9_000_000_000L, false, null, "World"),
                new Person("Grace", "Hopper", 85, -1, 3L, true, true, "wOrLd"),
                new Person("Al", "", 0, 715_827_883, Long.MIN_VALUE / 4, true, false, ""));
    }

    @BeforeEach
    void setUp() {
        sessions = HybridModel.fresh(db);
        sessions.transaction(s -> {
            people().forEach(s::add);
            s.add(new Robot("R2", "D2"));
            s.add(new Robot(null, "Bender"));
            s.add(new Robot("", null));
        });
    }

    @Test
    void derivedStrings() {
        assertAgree(Person_.fullName, Person::getFullName);
        assertAgree(Person_.displayName, Person::getDisplayName);
        assertAgree(Person_.label, Person::getLabel);
        assertAgree(Person_.status, Person::getStatus);
    }

    @Test
    void derivedIntArithmeticWrapsLikeJava() {
        assertAgree(Person_.tripleScoreMinusOne, Person::getTripleScoreMinusOne);
        assertAgree(Person_.halfScore, Person::getHalfScore);
        assertAgree(Person_.scoreMod7, Person::getScoreMod7);
        assertAgree(Person_.ageNextYear, Person::getAgeNextYear);
    }

    @Test
    void derivedLongArithmetic() {
        assertAgree(Person_.balanceWithBonus, Person::getBalanceWithBonus);
    }

    @Test
    void derivedConditionsInWhereAndInSelectLists() {
        assertConditionAgrees(Person_.adult, Person::isAdult);
        assertConditionAgrees(Person_.trusted, Person::isTrusted);
        assertConditionAgrees(Person_.namedAda, Person::isNamedAda);
        assertConditionAgrees(Person_.blankLast, Person::isBlankLast);
    }

    @Test
    void explicitExpressionFromAMixin() {
        assertAgree(Person_.upperLast, Person::getUpperLast);
    }

    @Test
    void mixinHybridsAreInheritedOverEachClassTable() {
        try (Session s = sessions.open()) {
            Map<Long, Object> sql = new TreeMap<>();
            for (Row row : s.execute(select(Robot_.id, Robot_.fullName)).all()) {
                sql.put((Long) row.get(0), row.get(1));
            }
            Map<Long, Object> java = new TreeMap<>();
            for (Robot r : s.scalars(select(Robot.class)).all()) {
                java.put(r.id, r.getFullName());
            }
            assertEquals(java, sql);
            assertEquals(List.of("BENDER"), s.scalars(select(Robot_.upperLast).where(Robot_.upperLast.isNotNull()))
                    .all().stream().filter("BENDER"::equals).toList());
        }
    }

    @Test
    void hybridMethodsWithFieldAndPlainArguments() {
        for (String prefix : List.of("A", "a", "Ad", "", "Gr", "x")) {
            assertConditionAgrees(Person_.nameStartsWith(prefix), p -> p.nameStartsWith(prefix));
            assertConditionAgrees(Person_.nameStartsWith(org.jooq.impl.DSL.val(prefix)), p -> p.nameStartsWith(prefix));
        }
        for (int n : List.of(0, 1, -1, Integer.MAX_VALUE)) {
            assertAgree(Person_.scorePlus(n), p -> p.scorePlus(n));
        }
    }

    @Test
    void customComparatorComparesAsTheJavaValue() {
        for (String probe : List.of("hello", "HELLO", "World", "")) {
            String lower = probe.toLowerCase(java.util.Locale.ROOT);
            assertConditionAgrees(Person_.wordInsensitive.eq(probe), p -> lower.equals(p.getWordInsensitive()), false);
            assertConditionAgrees(Person_.wordInsensitive.lt(probe),
                    p -> p.getWordInsensitive() != null && p.getWordInsensitive().compareTo(lower) < 0, false);
        }
        assertAgree(Person_.wordInsensitive.field(), p -> p.word);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** {@code select(id, hybrid)} gives, row by row, the getter's value. */
    private <T> void assertAgree(Field<T> hybrid, Function<Person, Object> getter) {
        try (Session s = sessions.open()) {
            Map<Long, Object> sql = new TreeMap<>();
            for (Row row : s.execute(select(Person_.id, hybrid)).all()) {
                sql.put((Long) row.get(0), row.get(1));
            }
            Map<Long, Object> java = new TreeMap<>();
            for (Person p : s.scalars(select(Person.class)).all()) {
                java.put(p.id, getter.apply(p));
            }
            assertEquals(java, sql, () -> "hybrid " + hybrid.getName() + " on " + db);
        }
    }

    private void assertConditionAgrees(Condition condition, Predicate<Person> java) {
        assertConditionAgrees(condition, java, true);
    }

    /** The rows {@code where(condition)} selects are those the predicate accepts; as a column it is never NULL. */
    private void assertConditionAgrees(Condition condition, Predicate<Person> java, boolean twoValued) {
        try (Session s = sessions.open()) {
            TreeSet<Long> expected = new TreeSet<>();
            Map<Long, Boolean> values = new LinkedHashMap<>();
            for (Person p : s.scalars(select(Person.class)).all()) {
                if (java.test(p)) {
                    expected.add(p.id);
                }
                values.put(p.id, java.test(p));
            }
            TreeSet<Long> selected = new TreeSet<>(s.scalars(select(Person_.id).where(condition)).all());
            assertEquals(expected, selected, () -> condition + " on " + db);
            if (twoValued) {
                Map<Long, Object> sql = new TreeMap<>();
                for (Row row : s.execute(select(Person_.id, condition)).all()) {
                    sql.put((Long) row.get(0), row.get(1));
                }
                assertEquals(new TreeMap<>(values), sql, () -> condition + " as a column on " + db);
            }
        }
    }
}
