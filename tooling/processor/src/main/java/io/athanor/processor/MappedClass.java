package io.athanor.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * What the metamodel of one {@code @Mapped} class is made of.
 *
 * @param type           the mapped class
 * @param packageName    its package, empty for the unnamed package
 * @param metamodelName  the simple name of the generated class: {@code User_}, or
 *                       {@code Outer_Inner_} for a nested class
 * @param table          the table name
 * @param attributes     persistent fields, outermost superclass first, then declaration order
 */
record MappedClass(TypeElement type, String packageName, String metamodelName, String table,
        List<Attribute> attributes) {

    /** The fully qualified name of the generated class. */
    String metamodelQualifiedName() {
        return packageName.isEmpty() ? metamodelName : packageName + "." + metamodelName;
    }
}
