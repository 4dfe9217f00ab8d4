package io.athanor.ext.associationproxy;

import io.athanor.core.spi.MappedAttributes.Relation;

/**
 * A proxy resolved against one mapped owner class: the relationship to the intermediate objects and
 * the endpoint read on each of them.
 *
 * @param mappedClass the mapped owner class
 * @param target the relationship from the owner to the intermediate objects
 * @param value the endpoint on each intermediate object
 */
record Path(Class<?> mappedClass, Relation target, Endpoint value) {

    /** The intermediate class. */
    Class<?> intermediate() {
        return target.target();
    }

    /** Whether the relationship holds one intermediate object (a scalar proxy). */
    boolean scalar() {
        return !target.collection();
    }
}
