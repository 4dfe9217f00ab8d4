package io.athanor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrids the metamodel cannot expose correctly are compile errors on the offending line: a getter
 * body the derivation cannot reproduce exactly, and misdeclared expressions.
 */
class HybridErrorsTest {
    private static final String FIX = "; write a static @HybridExpression(\"%s\") method, or set"
            + " @HybridProperty(derive = false) to keep it Java-only";

    @TempDir
    Path dir;

    /** "line: message" of each error. */
    private List<String> errors(Map<String, String> sources) {
        Compilation c = Compilation.compile(dir, HybridStubs.with(sources));
        assertFalse(c.success, c::report);
        return c.diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).collect(Collectors.toList());
    }

    /** A mapped class p.Shop whose line 10 onwards is {@code body}. */
    private List<String> shop(String body) {
        return errors(Map.of("p.Shop", """
                package p;
                import io.athanor.ext.hybrid.*;
                import io.athanor.mapping.*;
                @Mapped
                public class Shop {
                    @Id Long id;
                    String name;
                    Integer stock;
                    int price;
                """ + body + "\n}\n"));
    }

    private static String cannot(String name, String reason) {
        return "ATHANOR-7111: cannot derive SQL for hybrid p.Shop." + name + ": " + reason + String.format(FIX, name);
    }

    @Test
    void unboxingANullableColumnIsRefused() {
        assertEquals(List.of("12: " + cannot("inStock", "'stock' may be null here, and Java would throw"
                + " NullPointerException unboxing it where SQL gives NULL: guard it ('stock != null && ...'), or map it"
                + " primitive or @Column(nullable = false), make it non-null first")), shop("""

                    @HybridProperty
                    public boolean isInStock() { return stock > 0; }"""));
    }

    @Test
    void divisionByAColumnIsRefused() {
        assertEquals(List.of("12: " + cannot("unit", "the divisor is not a non-zero constant: Java throws"
                + " ArithmeticException on a zero divisor, which SQL does not reproduce (MariaDB gives NULL)")), shop("""
                    @HybridProperty public int getUnit() {
                        return 100
                            / price; }"""));
    }

    @Test
    void untranslatableCallsAndReferenceComparisonsAreRefused() {
        assertEquals(List.of(
                "10: " + cannot("trimmed", "calling trim() has no SQL translation; only equals, Objects.equals and"
                        + " String.isEmpty are translated"),
                "11: " + cannot("named", "'==' compares references here: use equals or Objects.equals"),
                "12: " + cannot("stockTwice", "both sides are boxed, so Java's '==' compares references, not values:"
                        + " use equals, or unbox one side")),
                shop("""
                    @HybridProperty public String getTrimmed() { return name.trim(); }
                    @HybridProperty public boolean isNamed() { return name == "x"; }
                    @HybridProperty public boolean isStockTwice() { return stock == stock; }"""));
    }

    @Test
    void bodiesThatAreNotOneReturnAreRefusedUnlessJavaOnly() {
        assertEquals(List.of("10: " + cannot("label", "its body is not a single return statement")), shop("""
                    @HybridProperty public String getLabel() {
                        String s = name;
                        return s;
                    }
                    @HybridProperty(derive = false) public String getOther() { String s = name; return s; }"""));
    }

    @Test
    void misdeclaredExpressionsAreReported() {
        assertEquals(List.of(
                "10: ATHANOR-7103: @HybridExpression(\"nothing\") on p.Shop.a names no hybrid: no @HybridProperty"
                        + " getter or @HybridMethod named 'nothing' in its class or superclasses",
                "11: ATHANOR-7106: hybrid 'name' of p.Shop has the name of a mapped column or of the TABLE constant;"
                        + " the metamodel cannot hold both: rename the getter",
                "13: ATHANOR-7108: @HybridExpression method p.Shop.cSql must return a jOOQ Field or Condition,"
                        + " or an io.athanor.ext.hybrid.Compared",
                "15: ATHANOR-7109: @HybridExpression method p.Shop.dSql must take 1 argument(s), one per parameter"
                        + " of d(...) (after an optional first Columns)",
                "17: ATHANOR-7105: @HybridExpression method p.Shop.eSql must be static (it builds SQL without an"
                        + " instance) and not private"),
                shop("""
                    @HybridExpression("nothing") static org.jooq.Field<String> a() { return null; }
                    @HybridProperty public String getName() { return name; }
                    @HybridProperty(derive = false) public String getC() { return name; }
                    @HybridExpression("c") static String cSql() { return null; }
                    @HybridMethod public boolean d(int x) { return x > 0; }
                    @HybridExpression("d") static org.jooq.Condition dSql() { return null; }
                    @HybridProperty(derive = false) public String getE() { return name; }
                    @HybridExpression("e") org.jooq.Field<String> eSql() { return null; }"""));
    }

    @Test
    void inheritedExpressionsWithoutColumnsAreReported() {
        List<String> errors = errors(Map.of(
                "p.Base", """
                        package p;
                        import io.athanor.ext.hybrid.*;
                        @io.athanor.mapping.Mixin
                        public abstract class Base {
                            String code;
                            @HybridProperty(derive = false) public String getCode2() { return code; }
                            @HybridExpression("code2")
                            public static org.jooq.Field<String> code2Sql() { return null; }
                        }
                        """,
                "p.Thing", "package p; @io.athanor.mapping.Mapped public class Thing extends Base { @io.athanor.mapping.Id Long id; }"));
        assertEquals(List.of("8: ATHANOR-7107: hybrid 'code2' is declared in p.Base and inherited by p.Thing, but its"
                + " @HybridExpression method takes no Columns, so it can only describe one table: add a first parameter"
                + " io.athanor.ext.hybrid.Columns and read the columns from it"), errors);
    }
}
