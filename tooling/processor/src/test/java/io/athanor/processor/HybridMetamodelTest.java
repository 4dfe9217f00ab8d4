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
}
