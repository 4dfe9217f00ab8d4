package io.athanor.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The discriminator column of a mapped class hierarchy (SQLAlchemy's {@code polymorphic_on}): a
 * {@code String} field of the hierarchy's base class whose value in each row names the class the
 * row belongs to, as given by {@link PolymorphicIdentity}. Athanor fills it when an instance is
 * created and reads it to instantiate the right subclass when a row is loaded; the column is
 * {@code NOT NULL}.
 *
 * <pre>{@code
 * @Mapped(table = "employee")
 * public abstract class Employee {
 *     @Id Long id;
 *     @Discriminator String type;
 *     String name;
 * }
 * @Mapped @PolymorphicIdentity("manager")
 * public class Manager extends Employee { String budget; }      // single-table: no table of its own
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Discriminator {
}
