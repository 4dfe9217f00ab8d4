package io.athanor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metamodel members generated for hybrids with a {@code @HybridExpression}. */
class HybridMetamodelTest {
    private static final String H = "io.athanor.ext.hybrid.";

    @TempDir
    Path dir;

    private Compilation compileClean(Map<String, String> sources) {
        Compilation c = Compilation.compile(dir, HybridStubs.with(sources));
        assertTrue(c.success, c::report);
        assertEquals(List.of(), c.messages(Diagnostic.Kind.WARNING), c::report);
        assertEquals(List.of(), c.messages(Diagnostic.Kind.MANDATORY_WARNING), c::report);
        return c;
    }

    @Test
    void exposesPropertiesConditionsComparedAndMethods() {
        Compilation c = compileClean(Map.of("p.User", """
                package p;
                import io.athanor.ext.hybrid.*;
                import io.athanor.mapping.*;
                import org.jooq.*;
                import org.jooq.impl.DSL;
                @Mapped(table = "users")
                public class User {
                    @Id Long id;
                    String first;
                    String last;
                    int age;
                    @HybridProperty(derive = false) public String getFullName() { return first + " " + last; }
                    @HybridExpression("fullName") static Field<String> fullNameSql() { return DSL.concat(User_.first, User_.last); }
                    @HybridProperty(derive = false) public boolean isAdult() { return age >= 18; }
                    @HybridExpression("adult") static Condition adultSql() { return User_.age.ge(18); }
                    @HybridProperty(derive = false) public String getLower() { return first.toLowerCase(); }
                    @HybridExpression("lower") static Compared<String> lowerSql() { return null; }
                    @HybridMethod public boolean olderThan(int years) { return age > years; }
                    @HybridExpression("olderThan") static Condition olderThanSql(Field<Integer> years) { return User_.age.gt(years); }
                    @HybridMethod public int plus(int n, String unused) { return age + n; }
                    @HybridExpression("plus") static Field<Integer> plusSql(int n, String unused) { return User_.age.plus(n); }
                    @HybridProperty(derive = false) public String getJavaOnly() { return "x"; }
                }
                """));
        String source = c.generatedSource("p.User_");
        assertTrue(source.contains("    public static final " + H + "HybridField<String> fullName = " + H
                + "HybridField.of(User.class, \"fullName\", String.class, User.fullNameSql());\n"), source);
        assertTrue(source.contains("    public static final " + H + "HybridCondition adult = " + H
                + "HybridCondition.of(User.class, \"adult\", User.adultSql());\n"), source);
        assertTrue(source.contains("    public static final " + H + "Compared<String> lower = " + H
                + "Compared.of(User.class, \"lower\", String.class, User.lowerSql());\n"), source);
        assertTrue(source.contains("    public static " + H + "HybridCondition olderThan(org.jooq.Field<Integer> years) {\n"
                + "        return " + H + "HybridCondition.of(User.class, \"olderThan\", User.olderThanSql(years));\n"
                + "    }\n"), source);
        assertTrue(source.contains("    public static " + H + "HybridCondition olderThan(Integer years) {\n"
                + "        return olderThan(org.jooq.impl.DSL.val(years, Integer.class));\n    }\n"), source);
        assertTrue(source.contains("    public static " + H + "HybridField<Integer> plus(int n, String unused) {\n"
                + "        return " + H + "HybridField.of(User.class, \"plus\", Integer.class, User.plusSql(n, unused));\n"), source);
        assertFalse(source.contains("javaOnly"), source);
        assertTrue(source.indexOf(" age = ") < source.indexOf(" fullName = "), "columns come first:\n" + source);
    }

    @Test
    void inheritedHybridsPassTheSubclassColumns() {
        Compilation c = compileClean(Map.of(
                "p.Named", """
                        package p;
                        import io.athanor.ext.hybrid.*;
                        @io.athanor.mapping.Mixin
                        public abstract class Named {
                            String name;
                            @HybridProperty(derive = false) public String getUpper() { return name.toUpperCase(); }
                            @HybridExpression("upper")
                            public static org.jooq.Field<String> upperSql(Columns c) { return org.jooq.impl.DSL.upper(c.get("name", String.class)); }
                        }
                        """,
                "q.Pet", "package q; @io.athanor.mapping.Mapped public class Pet extends p.Named { @io.athanor.mapping.Id Long id; }"));
        assertTrue(c.generatedSource("q.Pet_").contains(" upper = " + H + "HybridField.of(Pet.class, \"upper\", String.class,"
                + " p.Named.upperSql(" + H + "Columns.of(Pet.class, Pet_.name, Pet_.id)));"), c.generatedSource("q.Pet_"));
    }

    @Test
    void derivesTheSqlOfASimpleGetter() {
        Compilation c = compileClean(Map.of("p.Item", """
                package p;
                import io.athanor.ext.hybrid.HybridProperty;
                @io.athanor.mapping.Mapped
                public class Item {
                    @io.athanor.mapping.Id Long id;
                    String name;
                    @io.athanor.mapping.Column(nullable = false) String code;
                    Integer stock;
                    int price;
                    @HybridProperty public String getTitle() { return code + ": " + name; }
                    @HybridProperty public boolean isAvailable() { return stock != null && stock > 0; }
                    @HybridProperty public long getDoubled() { return price * 2; }
                }
                """));
        String source = c.generatedSource("p.Item_");
        String d = H + "Derived.";
        assertTrue(source.contains(" title = " + H + "HybridField.of(Item.class, \"title\", String.class, " + d + "concat("
                + d + "concat(Item_.code, org.jooq.impl.DSL.inline(\": \")), " + d + "text(Item_.name, true)));"), source);
        assertTrue(source.contains(" available = " + H + "HybridCondition.of(Item.class, \"available\","
                + " (Item_.stock.isNotNull()).and(Item_.stock.gt(org.jooq.impl.DSL.inline(0))));"), source);
        assertTrue(source.contains(" doubled = " + H + "HybridField.of(Item.class, \"doubled\", Long.class, "
                + d + "toLong(" + d + "timesInt(Item_.price, org.jooq.impl.DSL.inline(2))));"), source);
    }

    @Test
    void derivesTheSqlOfASimpleHybridMethodWithItsParametersAsFields() {
        Compilation c = compileClean(Map.of("p.Item", """
                package p;
                import io.athanor.ext.hybrid.HybridMethod;
                @io.athanor.mapping.Mapped
                public class Item {
                    @io.athanor.mapping.Id Long id;
                    String name;
                    Integer stock;
                    int price;
                    @HybridMethod public boolean cheaperThan(int limit) { return price < limit; }
                    @HybridMethod public boolean stockAbove(Integer n) { return stock != null && n != null && stock > n; }
                    @HybridMethod public String labelled(String prefix) { return prefix + name; }
                    @HybridMethod(derive = false) public boolean javaOnly(String s) { return s.trim().isEmpty(); }
                }
                """));
        String source = c.generatedSource("p.Item_");
        String d = H + "Derived.";
        assertTrue(source.contains("    public static " + H + "HybridCondition cheaperThan(org.jooq.Field<Integer> limit) {\n"
                + "        return " + H + "HybridCondition.of(Item.class, \"cheaperThan\", Item_.price.lt(" + d
                + "parameter(limit)));\n    }\n"), source);
        assertTrue(source.contains("    public static " + H + "HybridCondition cheaperThan(Integer limit) {\n"
                + "        return cheaperThan(org.jooq.impl.DSL.val(limit, Integer.class));\n    }\n"), source);
        assertTrue(source.contains("HybridCondition.of(Item.class, \"stockAbove\", ((Item_.stock.isNotNull()).and(" + d
                + "parameter(n).isNotNull())).and(Item_.stock.gt(" + d + "parameter(n))));"), source);
        assertTrue(source.contains("HybridField.of(Item.class, \"labelled\", String.class, " + d + "concat(" + d
                + "text(" + d + "parameter(prefix), true), " + d + "text(Item_.name, true)));"), source);
        assertFalse(source.contains("javaOnly"), source);
    }

    @Test
    void aMethodBodyThatCannotBeTranslatedIsAnErrorUnlessDerivationIsOff() {
        Compilation c = Compilation.compile(dir, HybridStubs.with(Map.of("p.Item", """
                package p;
                import io.athanor.ext.hybrid.HybridMethod;
                @io.athanor.mapping.Mapped
                public class Item {
                    @io.athanor.mapping.Id Long id;
                    String name;
                    @HybridMethod public boolean named(String other) { return name.equalsIgnoreCase(other); }
                    @HybridMethod public boolean odd(double d) { return d > 0; }
                }
                """)));
        assertFalse(c.success, c::report);
        String report = c.report();
        assertTrue(report.contains("ATHANOR-7111: cannot derive SQL for hybrid p.Item.named:")
                && report.contains("@HybridMethod(derive = false)"), report);
        assertTrue(report.contains("ATHANOR-7111: cannot derive SQL for hybrid p.Item.odd: parameter 'd' is a double"),
                report);
    }

    @Test
    void aSubclassRedefinesAnInheritedHybridsExpressionForItsOwnTable() {
        Compilation c = compileClean(Map.of(
                "p.Named", """
                        package p;
                        import io.athanor.ext.hybrid.*;
                        @io.athanor.mapping.Mixin
                        public abstract class Named {
                            String name;
                            @HybridProperty public String getLabel() { return "#" + name; }
                        }
                        """,
                "p.Pet", """
                        package p;
                        import io.athanor.ext.hybrid.*;
                        @io.athanor.mapping.Mapped
                        public class Pet extends Named {
                            @io.athanor.mapping.Id Long id;
                            @HybridExpression("label")
                            static org.jooq.Field<String> labelSql() { return org.jooq.impl.DSL.upper(Pet_.name); }
                        }
                        """,
                "p.Toy", "package p; @io.athanor.mapping.Mapped public class Toy extends Named { @io.athanor.mapping.Id Long id; }"));
        assertTrue(c.generatedSource("p.Pet_").contains(" label = " + H + "HybridField.of(Pet.class, \"label\","
                + " String.class, Pet.labelSql());"), c.generatedSource("p.Pet_"));
        assertTrue(c.generatedSource("p.Toy_").contains(" label = " + H + "HybridField.of(Toy.class, \"label\","
                + " String.class, " + H + "Derived.concat("), c.generatedSource("p.Toy_"));
    }
}
