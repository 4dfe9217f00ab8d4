package io.athanor.core.inheritance.broken;

import io.athanor.mapping.Column;
import io.athanor.mapping.Discriminator;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** Hierarchies with one mistake each; see InheritanceMappingErrorsTest. */
public final class BrokenHierarchies {
    private BrokenHierarchies() {
    }

    @Mapped(table = "b_base")
    public static class Base {
        @Id
        Long id;
        @Discriminator
        String kind;
        String name;
    }

    @Mapped
    public static class KeyedSub extends Base {
        @Id
        Long otherId;
    }

    @Mapped(table = "b_nodisc")
    public static class NoDiscriminator {
        @Id
        Long id;
    }

    @Mapped
    public static class NoDiscriminatorSub extends NoDiscriminator {
        String extra;
    }

    @Mapped
    public static class DiscriminatorBelow extends NoDiscriminator {
        @Discriminator
        String kind;
    }

    @Mapped(table = "b_two")
    public static class TwoDiscriminators {
        @Id
        Long id;
        @Discriminator
        String kind;
        @Discriminator
        String sort;
    }

    @Mapped(table = "b_int")
    public static class IntDiscriminator {
        @Id
        Long id;
        @Discriminator
        Integer kind;
    }

    @Mapped
    @PolymorphicIdentity("same")
    public static class SameA extends Base {
    }

    @Mapped
    @PolymorphicIdentity("same")
    public static class SameB extends Base {
    }

    @Mapped
    public static class Clashing extends Base {
        @Column(name = "name")
        String title;
    }

    @Mapped(table = "b_abstract")
    public abstract static class AbstractBase {
        @Id
        Long id;
        @Discriminator
        String kind;
    }

    @Mapped
    @PolymorphicIdentity("nope")
    public abstract static class AbstractWithIdentity extends AbstractBase {
    }

    @Mapped
    public static class ConcreteOfAbstract extends AbstractWithIdentity {
    }

    @Mapped
    @PolymorphicIdentity("lonely")
    public static class IdentityWithoutDiscriminator extends NoDiscriminator {
    }
}
