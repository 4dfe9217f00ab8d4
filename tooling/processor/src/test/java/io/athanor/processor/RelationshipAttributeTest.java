package io.athanor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @Relationship} fields become {@code RelationshipAttribute<Owner, Target>} members. */
class RelationshipAttributeTest {
    @TempDir
    Path dir;

    @Test
    void rendersCollectionsAndSingleTargets() {
        Compilation c = Compilation.compile(dir, Map.of("p.User", """
                package p;
                import io.athanor.mapping.*;
                import java.util.*;
                @Mapped(table = "users")
                public class User {
                    @Id Long id;
                    @Relationship(backPopulates = "user") List<Address> addresses = new ArrayList<>();
                    @Relationship Set<Address> others;
                }
                """, "p.Address", """
                package p;
                import io.athanor.mapping.*;
                @Mapped
                public class Address {
                    @Id Long id;
                    @ForeignKey("users.id") Long userId;
                    @Relationship(backPopulates = "addresses") User user;
                }
                """));
        assertTrue(c.success, c::report);
        assertEquals(List.of(), c.messages(Diagnostic.Kind.WARNING), c::report);
        String user = c.generatedSource("p.User_");
        assertTrue(user.contains("import io.athanor.metamodel.RelationshipAttribute;\n"), user);
        assertTrue(user.contains("public static final RelationshipAttribute<User, Address> addresses = "
                + "new RelationshipAttribute<>(User.class, \"addresses\", Address.class);"), user);
        assertTrue(user.contains("RelationshipAttribute<User, Address> others = "), user);
        String address = c.generatedSource("p.Address_");
        assertTrue(address.contains("public static final RelationshipAttribute<Address, User> user = "
                + "new RelationshipAttribute<>(Address.class, \"user\", User.class);"), address);
    }

    @Test
    void importsNothingNewWithoutRelationships() {
        Compilation c = Compilation.compile(dir, Map.of("p.Plain", """
                package p;
                @io.athanor.mapping.Mapped
                public class Plain { @io.athanor.mapping.Id Long id; }
                """));
        assertTrue(c.success, c::report);
        assertTrue(!c.generatedSource("p.Plain_").contains("RelationshipAttribute"));
    }
}
