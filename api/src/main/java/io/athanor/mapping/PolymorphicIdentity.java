package io.athanor.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of the hierarchy's {@link Discriminator} column that marks rows of this mapped class
 * (SQLAlchemy's {@code polymorphic_identity}). Without it a class of a hierarchy is identified by
 * its simple name; an abstract class has no identity (SQLAlchemy's {@code polymorphic_abstract}):
 * it is queried polymorphically but never instantiated. Values are unique within a hierarchy.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PolymorphicIdentity {
    /** The discriminator value. */
    String value();
}
