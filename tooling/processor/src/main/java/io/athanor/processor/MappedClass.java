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
 * @param chain          the class and its {@code @Mixin}/{@code @Mapped} superclasses, outermost first
 * @param hybrids        the hybrids the metamodel exposes, in the order of {@code chain}, then declaration order
 */
record MappedClass(TypeElement type, String packageName, String metamodelName, String table,
        List<Attribute> attributes, List<TypeElement> chain, List<Hybrid> hybrids) {

    /** This model with its hybrids. */
    MappedClass withHybrids(List<Hybrid> found) {
        return new MappedClass(type, packageName, metamodelName, table, attributes, chain, List.copyOf(found));
    }

    /** The fully qualified name of the generated class. */
    String metamodelQualifiedName() {
        return packageName.isEmpty() ? metamodelName : packageName + "." + metamodelName;
    }
}
