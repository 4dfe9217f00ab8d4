package io.athanor.enhance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Added by the enhancer to each class it rewrote: the names of the persistent fields the class
 * itself declares, in the order they are numbered. A field's index is the number of persistent
 * fields of all enhanced superclasses plus its position here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EnhancedFields {
    /** The declared persistent field names, in index order. */
    String[] value();
}
