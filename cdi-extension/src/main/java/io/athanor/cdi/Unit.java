package io.athanor.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects a named persistence unit: {@code @Inject @Unit("reporting") Session session}. Each unit
 * has its own {@code Registry}, {@code SessionMaker} and request-scoped {@code Session}, configured
 * under {@code athanor.unit.<name>.*} or by a {@code @Produces @Unit("<name>") Engine} (or
 * {@code DataSource}). Beans without the qualifier belong to the default unit.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Unit {

    /** The unit's name. */
    String value();

    /** An instance of the qualifier, for programmatic lookup. */
    final class Literal extends AnnotationLiteral<Unit> implements Unit {
        private static final long serialVersionUID = 1L;
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /** {@code @Unit(value)}. */
        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
