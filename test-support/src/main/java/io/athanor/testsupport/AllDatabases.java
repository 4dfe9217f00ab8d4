package io.athanor.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a test class once per database selected by {@value Databases#DATABASES_PROPERTY}; each
 * invocation is named after the database ({@code [postgresql]}) and receives its
 * {@link DatabaseHandle}, through a field or the constructor:
 * <pre>{@code
 * @AllDatabases
 * class SomethingTest {
 *     @Parameter DatabaseHandle db;
 *     @Test void works() throws SQLException { try (var c = db.dataSource().getConnection()) { ... } }
 * }
 * }</pre>
 * Surefire reports each invocation as a class of its own, {@code io.example.SomethingTest [h2]}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DisplayNameGeneration(QualifiedClassNames.class)
@ParameterizedClass(name = "[{0}]", autoCloseArguments = false)
@ArgumentsSource(SelectedDatabases.class)
public @interface AllDatabases {
}
