package io.athanor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.metamodel.ColumnAttribute;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetamodelProcessorTest {
    @TempDir
    Path dir;

    private Compilation compileClean(Map<String, String> sources) {
        Compilation compilation = Compilation.compile(dir, sources);
        assertTrue(compilation.success, compilation::report);
        assertEquals(List.of(), compilation.messages(Diagnostic.Kind.WARNING), compilation::report);
        assertEquals(List.of(), compilation.messages(Diagnostic.Kind.MANDATORY_WARNING), compilation::report);
        return compilation;
    }

    @Test
    void generatesTableAndColumnsWithDefaultNames() {
        Compilation c = compileClean(Map.of("p.UserAccount", """
                package p;
                import io.athanor.mapping.*;
                @Mapped
                public class UserAccount {
                    @Id Long id;
                    String displayName;
                    int loginCount;
                    boolean active;
                }
                """));
        assertEquals("""
                package p;

                import io.athanor.metamodel.ColumnAttribute;
                import javax.annotation.processing.Generated;

                /** Static metamodel of {@link UserAccount}, mapped to table {@code user_account}. */
                @Generated("io.athanor.processor.MetamodelProcessor")
                public final class UserAccount_ {
                    /** The table name. */
                    public static final String TABLE = "user_account";

                    public static final ColumnAttribute<Long> id = new ColumnAttribute<>(UserAccount.class, "id", "user_account", "id", Long.class);

                    public static final ColumnAttribute<String> displayName = new ColumnAttribute<>(UserAccount.class, "displayName", "user_account", "display_name", String.class);

                    public static final ColumnAttribute<Integer> loginCount = new ColumnAttribute<>(UserAccount.class, "loginCount", "user_account", "login_count", Integer.class);

                    public static final ColumnAttribute<Boolean> active = new ColumnAttribute<>(UserAccount.class, "active", "user_account", "active", Boolean.class);

                    private UserAccount_() {
                    }
                }
                """, c.generatedSource("p.UserAccount_"));
    }

    @Test
    void usesExplicitTableAndColumnNames() {
        Compilation c = compileClean(Map.of("p.User", """
                package p;
                import io.athanor.mapping.*;
                @Mapped(table = "users")
                class User {
                    @Id @Column(name = "user_id") long id;
                    @Column(name = "EMail", nullable = false) String email;
                    @Column(length = 40) String HTTPAgent;
                }
                """));
        String source = c.generatedSource("p.User_");
        assertTrue(source.contains("public static final String TABLE = \"users\";"), source);
        assertTrue(source.contains("ColumnAttribute<Long> id = new ColumnAttribute<>(User.class, \"id\", \"users\", \"user_id\", Long.class);"), source);
        assertTrue(source.contains("ColumnAttribute<String> email = new ColumnAttribute<>(User.class, \"email\", \"users\", \"EMail\", String.class);"), source);
        assertTrue(source.contains("\"HTTPAgent\", \"users\", \"http_agent\", String.class);"), source);
    }

    @Test
    void rendersGenericEnumArrayAndNestedTypes() {
        Compilation c = compileClean(Map.of("p.Document", """
                package p;
                import io.athanor.mapping.*;
                import io.athanor.types.Json;
                import java.util.*;
                @Mapped
                public class Document {
                    public enum Status { DRAFT, PUBLISHED }
                    public record Point(int x, int y) {}
                    @Id Long id;
                    @Column(type = Json.class) Map<String, Object> attributes;
                    @Column(type = Json.class) List<String> tags;
                    Status status;
                    java.time.DayOfWeek day;
                    byte[] content;
                    int[][] matrix;
                    Point origin;
                    java.math.BigDecimal amount;
                }
                """));
        String source = c.generatedSource("p.Document_");
        assertTrue(source.contains("@SuppressWarnings(\"unchecked\")\npublic final class Document_ {"), source);
        assertTrue(source.contains("public static final ColumnAttribute<java.util.Map<String, Object>> attributes = new ColumnAttribute<>(Document.class, \"attributes\", \"document\", \"attributes\", (Class<java.util.Map<String, Object>>) (Class<?>) java.util.Map.class);"), source);
        assertTrue(source.contains("ColumnAttribute<java.util.List<String>> tags = new ColumnAttribute<>(Document.class, \"tags\", \"document\", \"tags\", (Class<java.util.List<String>>) (Class<?>) java.util.List.class);"), source);
        assertTrue(source.contains("ColumnAttribute<Document.Status> status = new ColumnAttribute<>(Document.class, \"status\", \"document\", \"status\", Document.Status.class);"), source);
        assertTrue(source.contains("ColumnAttribute<java.time.DayOfWeek> day = "), source);
        assertTrue(source.contains("ColumnAttribute<byte[]> content = new ColumnAttribute<>(Document.class, \"content\", \"document\", \"content\", byte[].class);"), source);
        assertTrue(source.contains("ColumnAttribute<int[][]> matrix = "), source);
        assertTrue(source.contains("ColumnAttribute<Document.Point> origin = "), source);
        assertTrue(source.contains("ColumnAttribute<java.math.BigDecimal> amount = "), source);
    }

    @Test
    void putsMixinFieldsFirstAndStopsAtAPlainSuperclass() {
        Compilation c = compileClean(Map.of(
                "p.Plain", "package p; public class Plain { String notMapped; }",
                "p.Audited", """
                        package p;
                        @io.athanor.mapping.Mixin
                        public abstract class Audited extends Plain { java.time.Instant createdAt; java.time.Instant updatedAt; }
                        """,
                "p.Keyed", """
                        package p;
                        @io.athanor.mapping.Mixin
                        public abstract class Keyed<K> extends Audited { @io.athanor.mapping.Id K id; java.util.List<K> history; }
                        """,
                "p.Tag", """
                        package p;
                        @io.athanor.mapping.Mapped
                        public class Tag extends Keyed<Long> { String label; }
                        """));
        String source = c.generatedSource("p.Tag_");
        assertFalse(source.contains("notMapped"), source);
        int createdAt = source.indexOf(" createdAt = ");
        int updatedAt = source.indexOf(" updatedAt = ");
        int id = source.indexOf(" id = ");
        int label = source.indexOf(" label = ");
        assertTrue(createdAt > 0 && createdAt < updatedAt && updatedAt < id && id < label, source);
        assertTrue(source.contains("ColumnAttribute<Long> id = new ColumnAttribute<>(Tag.class, \"id\", \"tag\", \"id\", Long.class);"), source);
        assertTrue(source.contains("ColumnAttribute<java.util.List<Long>> history = "), source);
        assertTrue(source.contains("ColumnAttribute<java.time.Instant> createdAt = new ColumnAttribute<>(Tag.class, \"createdAt\", \"tag\", \"created_at\", java.time.Instant.class);"), source);
        assertFalse(c.hasGenerated("p.Audited_"));
    }

    @Test
    void skipsNonPersistentAndCompositeFields() {
        Compilation c = compileClean(Map.of(
                "p.Address", "package p; public record Address(String street, String city) {}",
                "p.Team", "package p; @io.athanor.mapping.Mapped public class Team { @io.athanor.mapping.Id Long id; }",
                "p.Member", """
                        package p;
                        import io.athanor.mapping.*;
                        @Mapped
                        public class Member {
                            static final int LIMIT = 3;
                            static String cache;
                            transient String scratch;
                            @Transient String computed;
                            @Relationship(backPopulates = "members") Team team;
                            @Composite(columns = {"street", "city"}) Address address;
                            @Id Long id;
                        }
                        """));
        String source = c.generatedSource("p.Member_");
        for (String skipped : List.of("LIMIT", "cache", "scratch", "computed", "address")) {
            assertFalse(source.contains(" " + skipped + " = "), skipped + " in\n" + source);
        }
        assertTrue(source.contains("RelationshipAttribute<Member, Team> team = "), source);
        assertTrue(source.contains("ColumnAttribute<Long> id = "), source);
    }

    @Test
    void omitsTheTableConstantWhenAFieldIsNamedTable() {
        Compilation c = compileClean(Map.of("p.Furniture", """
                package p;
                @io.athanor.mapping.Mapped
                public class Furniture { String TABLE; String chair; }
                """));
        String source = c.generatedSource("p.Furniture_");
        assertFalse(source.contains("String TABLE ="), source);
        assertTrue(source.contains("ColumnAttribute<String> TABLE = new ColumnAttribute<>(Furniture.class, \"TABLE\", \"furniture\", \"table\", String.class);"), source);
    }

    @Test
    void namesNestedMetamodelsAfterTheNestingPath() throws Exception {
        Compilation c = compileClean(Map.of("p.Shop", """
                package p;
                import io.athanor.mapping.*;
                public class Shop {
                    @Mapped public static class OrderLine { @Id Long id; }
                }
                """));
        String source = c.generatedSource("p.Shop_OrderLine_");
        assertTrue(source.contains("public final class Shop_OrderLine_ {"), source);
        assertTrue(source.contains("public static final String TABLE = \"order_line\";"), source);
        assertTrue(source.contains("new ColumnAttribute<>(Shop.OrderLine.class, \"id\", \"order_line\", \"id\", Long.class);"), source);
        assertEquals("p.Shop$OrderLine\n", c.resource(MappedClassIndex.RESOURCE));
    }

    @Test
    void qualifiesNamesThatThePackageShadows() {
        Compilation c = compileClean(Map.of(
                "p.String", "package p; public class String {}",
                "p.ColumnAttribute", "package p; public class ColumnAttribute {}",
                "p.Note", """
                        package p;
                        @io.athanor.mapping.Mapped
                        public class Note { java.lang.String text; ColumnAttribute odd; }
                        """));
        String source = c.generatedSource("p.Note_");
        assertFalse(source.contains("import io.athanor.metamodel.ColumnAttribute;"), source);
        assertTrue(source.contains("public static final java.lang.String TABLE = \"note\";"), source);
        assertTrue(source.contains("public static final io.athanor.metamodel.ColumnAttribute<java.lang.String> text = new io.athanor.metamodel.ColumnAttribute<>(Note.class, \"text\", \"note\", \"text\", java.lang.String.class);"), source);
        assertTrue(source.contains("io.athanor.metamodel.ColumnAttribute<ColumnAttribute> odd = "), source);
    }

    @Test
    void generatedClassesLoadAsColumnAttributes() throws Exception {
        Compilation c = compileClean(Map.of("p.Customer", """
                package p;
                import io.athanor.mapping.*;
                @Mapped(table = "customers")
                public class Customer {
                    @Id long id;
                    @Column(name = "mail") String email;
                    java.util.Map<String, Object> preferences;
                    byte[] avatar;
                }
                """));
        try (URLClassLoader loader = c.classLoader()) {
            Class<?> metamodel = loader.loadClass("p.Customer_");
            Class<?> entity = loader.loadClass("p.Customer");
            assertEquals("customers", metamodel.getField("TABLE").get(null));
            assertAttribute(metamodel, entity, "id", "id", Long.class);
            assertAttribute(metamodel, entity, "email", "mail", String.class);
            assertAttribute(metamodel, entity, "preferences", "preferences", java.util.Map.class);
            assertAttribute(metamodel, entity, "avatar", "avatar", byte[].class);
            ColumnAttribute<?> email = (ColumnAttribute<?>) metamodel.getField("email").get(null);
            assertEquals("\"customers\".\"mail\"", org.jooq.impl.DSL.using(org.jooq.SQLDialect.DEFAULT).render(email));
        }
    }

    private static void assertAttribute(Class<?> metamodel, Class<?> entity, String attribute, String column, Class<?> type) throws Exception {
        ColumnAttribute<?> value = (ColumnAttribute<?>) metamodel.getField(attribute).get(null);
        assertEquals(entity, value.entity());
        assertEquals(attribute, value.attribute());
        assertEquals("customers", value.table());
        assertEquals(column, value.column());
        assertEquals(type, value.javaType());
    }

    @Test
    void writesTheSortedIndexOfMappedClasses() throws Exception {
        Compilation c = compileClean(Map.of(
                "b.Zebra", "package b; @io.athanor.mapping.Mapped public class Zebra { Long id; }",
                "a.Yak", "package a; @io.athanor.mapping.Mapped public class Yak { Long id; @io.athanor.mapping.Mapped public static class Calf { Long id; } }",
                "a.Ant", "package a; @io.athanor.mapping.Mapped public class Ant { Long id; }",
                "a.NotMapped", "package a; public class NotMapped { Long id; }"));
        assertEquals("a.Ant\na.Yak\na.Yak$Calf\nb.Zebra\n", c.resource(MappedClassIndex.RESOURCE));
    }
}
