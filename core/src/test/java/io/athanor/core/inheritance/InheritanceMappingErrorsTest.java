package io.athanor.core.inheritance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.athanor.MappingException;
import io.athanor.core.inheritance.broken.BrokenHierarchies;
import io.athanor.mapping.Registry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each mistake in a mapped hierarchy is a mapping error naming the class and the fix. */
class InheritanceMappingErrorsTest {
    private static final String B = "io.athanor.core.inheritance.broken.BrokenHierarchies$";

    private static List<String> problems(Class<?>... classes) {
        return assertThrows(MappingException.class, () -> Registry.of(classes)).problems();
    }

    @Test
    void subclassDeclaresItsOwnKey() {
        assertEquals(List.of("ATHANOR-1050: " + B + "KeyedSub.otherId is an @Id, but KeyedSub inherits its primary key "
                + "from its mapped superclass " + B + "Base: remove the @Id (rows of a hierarchy are keyed by its "
                + "base's key)"), problems(BrokenHierarchies.Base.class, BrokenHierarchies.KeyedSub.class));
    }

    @Test
    void hierarchyWithoutDiscriminator() {
        assertEquals(List.of("ATHANOR-1051: " + B + "NoDiscriminator has mapped subclasses (NoDiscriminatorSub) but no "
                + "@Discriminator column: add a String field annotated @Discriminator to NoDiscriminator, whose value "
                + "in each row names the row's class"),
                problems(BrokenHierarchies.NoDiscriminator.class, BrokenHierarchies.NoDiscriminatorSub.class));
    }

    @Test
    void discriminatorDeclaredBelowTheBase() {
        assertEquals("ATHANOR-1052: " + B + "DiscriminatorBelow.kind is a @Discriminator, but only the base of a "
                + "hierarchy declares one: move it to " + B + "NoDiscriminator",
                problems(BrokenHierarchies.NoDiscriminator.class, BrokenHierarchies.DiscriminatorBelow.class).get(0));
    }

    @Test
    void twoDiscriminators() {
        assertEquals(List.of("ATHANOR-1053: " + B + "TwoDiscriminators has two @Discriminator fields, kind and sort: "
                + "keep one"), problems(BrokenHierarchies.TwoDiscriminators.class));
    }

    @Test
    void discriminatorOfAnotherType() {
        assertEquals(List.of("ATHANOR-1054: " + B + "IntDiscriminator.kind is a @Discriminator of type "
                + "java.lang.Integer: a discriminator is a String column"),
                problems(BrokenHierarchies.IntDiscriminator.class));
    }

    @Test
    void duplicateIdentity() {
        assertEquals(List.of("ATHANOR-1055: " + B + "SameA and " + B + "SameB both have the polymorphic identity "
                + "'same': give one of them another @PolymorphicIdentity"), problems(BrokenHierarchies.Base.class,
                BrokenHierarchies.SameA.class, BrokenHierarchies.SameB.class));
    }

    @Test
    void subclassColumnClashesWithTheParents() {
        assertEquals(List.of("ATHANOR-1056: " + B + "Clashing.title maps to column 'name', which its mapped superclass "
                + B + "Base already maps (field name): rename one with @Column(name = ...)"),
                problems(BrokenHierarchies.Base.class, BrokenHierarchies.Clashing.class));
    }

    @Test
    void superclassMissingFromTheRegistry() {
        assertEquals("ATHANOR-1057: " + B + "SameA extends the mapped class " + B + "Base, which this Registry does "
                + "not map: add Base.class to the Registry (a hierarchy is mapped whole)",
                problems(BrokenHierarchies.SameA.class).get(0));
    }

    @Test
    void abstractClassWithAnIdentity() {
        assertEquals(List.of("ATHANOR-1058: " + B + "AbstractWithIdentity is abstract, so no row is of "
                + "AbstractWithIdentity itself and it has no polymorphic identity: remove @PolymorphicIdentity(\"nope\") "
                + "or make the class concrete"), problems(BrokenHierarchies.AbstractBase.class,
                BrokenHierarchies.AbstractWithIdentity.class, BrokenHierarchies.ConcreteOfAbstract.class));
    }

    @Test
    void identityWithoutDiscriminator() {
        assertEquals(List.of("ATHANOR-1051: " + B + "NoDiscriminator has mapped subclasses (IdentityWithoutDiscriminator)"
                + " but no @Discriminator column: add a String field annotated @Discriminator to NoDiscriminator, whose "
                + "value in each row names the row's class", "ATHANOR-1060: " + B + "IdentityWithoutDiscriminator has "
                + "@PolymorphicIdentity(\"lonely\") but its hierarchy has no @Discriminator column to hold it: add a "
                + "String field annotated @Discriminator to the hierarchy's base"), problems(
                BrokenHierarchies.NoDiscriminator.class, BrokenHierarchies.IdentityWithoutDiscriminator.class));
    }

    @Test
    void abstractClassWithoutConcreteSubclass() {
        assertEquals(List.of("ATHANOR-1061: " + B + "AbstractBase is abstract and no concrete mapped subclass of it is "
                + "in this Registry, so no row could be loaded as one: add its subclasses to the Registry, or make it "
                + "concrete"), problems(BrokenHierarchies.AbstractBase.class));
    }

    @Test
    void everyProblemOfAHierarchyIsReportedAtOnce() {
        assertEquals(List.of("ATHANOR-1050", "ATHANOR-1056"), problems(BrokenHierarchies.Base.class,
                BrokenHierarchies.KeyedSub.class, BrokenHierarchies.Clashing.class).stream()
                .map(p -> p.substring(0, 12)).toList());
    }
}
