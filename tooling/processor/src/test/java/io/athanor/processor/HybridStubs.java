package io.athanor.processor;

import java.util.HashMap;
import java.util.Map;

/**
 * Minimal sources of the hybrid module's types, with the signatures generated metamodels call.
 * The processor must not depend on the hybrid module (which depends on core, which the processor
 * processes), so its tests compile against these; the hybrid module's own tests run the real ones.
 */
final class HybridStubs {
    private HybridStubs() {
    }

    static Map<String, String> with(Map<String, String> sources) {
        Map<String, String> all = new HashMap<>(sources);
        String p = "package io.athanor.ext.hybrid;\nimport org.jooq.*;\n";
        String annotation = "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) ";
        all.put("io.athanor.ext.hybrid.HybridProperty", p + annotation
                + "public @interface HybridProperty { boolean derive() default true; }");
        all.put("io.athanor.ext.hybrid.HybridMethod", p + annotation + "public @interface HybridMethod { boolean derive() default true; }");
        all.put("io.athanor.ext.hybrid.HybridExpression", p + annotation
                + "public @interface HybridExpression { String value(); }");
        all.put("io.athanor.ext.hybrid.HybridField", p + "@SuppressWarnings(\"serial\") public abstract class HybridField<T> implements Field<T> {"
                + " public static <T> HybridField<T> of(Class<?> e, String n, Class<T> t, Field<T> x) { return null; } }");
        all.put("io.athanor.ext.hybrid.HybridCondition", p + "@SuppressWarnings(\"serial\") public abstract class HybridCondition implements Condition {"
                + " public static HybridCondition of(Class<?> e, String n, Condition c) { return null; }"
                + " public static HybridCondition of(Class<?> e, String n, Field<Boolean> c) { return null; } }");
        all.put("io.athanor.ext.hybrid.Compared", p + "public final class Compared<T> {"
                + " public static <T> Compared<T> of(Class<?> e, String n, Class<T> t, Compared<T> c) { return c; } }");
        all.put("io.athanor.ext.hybrid.Columns", p + "public final class Columns {"
                + " public static Columns of(Class<?> e, io.athanor.metamodel.ColumnAttribute<?>... c) { return null; }"
                + " public <T> Field<T> get(String a, Class<T> t) { return null; } }");
        all.put("io.athanor.ext.hybrid.Derived", p + """
                public final class Derived {
                    public static Field<String> text(Field<String> v, boolean n) { return v; }
                    public static Field<String> numberText(Field<? extends Number> v, boolean n) { return null; }
                    public static Field<String> booleanText(Condition v) { return null; }
                    public static Field<String> concat(Field<String> a, Field<String> b) { return a; }
                    public static <T> Condition javaEquals(Field<T> a, Field<T> b) { return null; }
                    public static Condition isEmpty(Field<String> v) { return null; }
                    public static Field<Integer> plusInt(Field<Integer> a, Field<Integer> b) { return a; }
                    public static Field<Integer> minusInt(Field<Integer> a, Field<Integer> b) { return a; }
                    public static Field<Integer> timesInt(Field<Integer> a, Field<Integer> b) { return a; }
                    public static Field<Integer> divInt(Field<Integer> a, Field<Integer> b) { return a; }
                    public static Field<Integer> modInt(Field<Integer> a, Field<Integer> b) { return a; }
                    public static Field<Integer> negInt(Field<Integer> a) { return a; }
                    public static Field<Long> toLong(Field<Integer> a) { return null; }
                    public static Field<Integer> toInt(Field<Long> a) { return null; }
                    public static Field<Long> plusLong(Field<Long> a, Field<Long> b) { return a; }
                    public static Field<Long> minusLong(Field<Long> a, Field<Long> b) { return a; }
                    public static Field<Long> timesLong(Field<Long> a, Field<Long> b) { return a; }
                    public static Field<Long> divLong(Field<Long> a, Field<Long> b) { return a; }
                    public static Field<Long> modLong(Field<Long> a, Field<Long> b) { return a; }
                    public static Field<Long> negLong(Field<Long> a) { return a; }
                    public static Condition isTrue(Field<Boolean> v) { return null; }
                    public static <T> Field<T> parameter(Field<T> a) { return a; }
                    public static Condition same(Condition a, Condition b) { return a; }
                    public static Condition choose(Condition c, Condition a, Condition b) { return a; }
                    public static <T> Field<T> choose(Condition c, Field<T> a, Field<T> b) { return a; }
                }
                """);
        return all;
    }
}
