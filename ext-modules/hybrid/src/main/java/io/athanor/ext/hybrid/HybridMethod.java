package io.athanor.ext.hybrid;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An instance method with arguments that is also a SQL expression: SQLAlchemy's
 * {@code hybrid_method}. On an instance it is plain Java; its SQL counterpart is the static method
 * annotated {@link HybridExpression} with the method's name, which the metamodel exposes as a static
 * method of the same name ({@code User_.nameStartsWith(...)}). Without such a method the hybrid is
 * Java-only. The hybrid's name is the method name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HybridMethod {
}
