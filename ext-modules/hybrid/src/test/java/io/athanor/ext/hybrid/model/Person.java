package io.athanor.ext.hybrid.model;

import io.athanor.ext.hybrid.Compared;
import io.athanor.ext.hybrid.Derived;
import io.athanor.ext.hybrid.HybridComparator;
import io.athanor.ext.hybrid.HybridExpression;
import io.athanor.ext.hybrid.HybridMethod;
import io.athanor.ext.hybrid.HybridProperty;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The hybrid test entity: one hybrid per rule the translation follows, plus explicit ones. */
@Mapped(table = "person")
public class Person extends Named {
    @Id
    public Long id;
    public Integer age;
    public int score;
    public long balance;
    public boolean active;
    public Boolean verified;
    public String word;

    protected Person() {
    }

    public Person(String first, String last, Integer age, int score, long balance, boolean active, Boolean verified,
                  String word) {
        this.first = first;
        this.last = last;
        this.age = age;
        this.score = score;
        this.balance = balance;
        this.active = active;
        this.verified = verified;
        this.word = word;
    }

    /** Derived: a null guard before unboxing. */
    @HybridProperty
    public boolean isAdult() {
        return age != null && age >= 18;
    }

    /** Derived: int arithmetic that wraps on overflow in Java and in the SQL. */
    @HybridProperty
    public int getTripleScoreMinusOne() {
        return score * 3 - 1;
    }

    /** Derived: integer division truncates toward zero. */
    @HybridProperty
    public int getHalfScore() {
        return score / 2;
    }

    /** Derived: the remainder has the dividend's sign. */
    @HybridProperty
    public int getScoreMod7() {
        return score % 7;
    }

    /** Derived: long arithmetic (an overflow is a database error, never a wrapped value). */
    @HybridProperty
    public long getBalanceWithBonus() {
        return balance + score * 2L;
    }

    /** Derived: numbers and a nullable Integer in text. */
    @HybridProperty
    public String getLabel() {
        return "#" + score + ":" + age + (active ? "+" : "-");
    }

    /** Derived: boolean logic over a nullable Boolean, guarded. */
    @HybridProperty
    public boolean isTrusted() {
        return active && verified != null && verified;
    }

    /** Derived: a conditional choosing text. */
    @HybridProperty
    public String getStatus() {
        return active ? "on" : "off";
    }

    /** Derived: exact string equality (case counts, as in Java, also on MariaDB). */
    @HybridProperty
    public boolean isNamedAda() {
        return "Ada".equals(first);
    }

    /** Derived: a nullable result. */
    @HybridProperty
    public Integer getAgeNextYear() {
        return age == null ? null : age + 1;
    }

    /** Derived: an empty-string check behind a guard, and negation. */
    @HybridProperty
    public boolean isBlankLast() {
        return last == null || last.isEmpty() || !(score >= 0);
    }

    /** A custom comparator: compares case-insensitively in SQL, as the lower-cased value does in Java. */
    @HybridProperty
    public String getWordInsensitive() {
        return word == null ? null : word.toLowerCase(Locale.ROOT);
    }

    @HybridExpression("wordInsensitive")
    static Compared<String> wordInsensitiveSql() {
        return Compared.by(HybridComparator.caseInsensitive(), Person_.word);
    }

    /** Java-only: the processor is told not to derive it, so SQL refuses it. */
    @HybridProperty(derive = false)
    public String getNickname() {
        StringBuilder out = new StringBuilder();
        if (first != null) {
            out.append(first, 0, Math.min(2, first.length()));
        }
        return out.toString();
    }

    /** A hybrid method whose expression takes a field (the metamodel adds a plain-value overload). */
    @HybridMethod
    public boolean nameStartsWith(String prefix) {
        return first != null && first.startsWith(prefix);
    }

    @HybridExpression("nameStartsWith")
    static Condition nameStartsWithSql(Field<String> prefix) {
        return Derived.javaEquals(DSL.substring(Person_.first, DSL.inline(1), DSL.charLength(prefix)), prefix);
    }

    /** A hybrid method whose expression takes a plain value. */
    @HybridMethod
    public int scorePlus(int n) {
        return score + n;
    }

    @HybridExpression("scorePlus")
    static Field<Integer> scorePlusSql(int n) {
        return Derived.plusInt(Person_.score, DSL.val(n));
    }

    /** A Java-only hybrid method: no expression, and derivation turned off (equalsIgnoreCase has no exact SQL). */
    @HybridMethod(derive = false)
    public boolean likes(String other) {
        return word != null && word.equalsIgnoreCase(other);
    }
}
