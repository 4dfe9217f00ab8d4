package io.athanor.processor;

import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One persistent field of a mapped class, as seen from the mapped class.
 *
 * @param kind   what the field maps to
 * @param field  the field, declared by the mapped class or one of its {@code @Mixin} superclasses
 * @param name   the attribute (field) name
 * @param column the column name for {@link Kind#COLUMN}, otherwise {@code null}
 * @param type   the field's type as a member of the mapped class (type variables of generic
 *               superclasses resolved)
 */
record Attribute(Kind kind, VariableElement field, String name, String column, TypeMirror type) {

    /** What a persistent field maps to; the metamodel renders each kind in its own way. */
    enum Kind {
        /** A plain column: rendered as a {@code ColumnAttribute}. */
        COLUMN,
        /** A {@code @Relationship}: rendered as a {@code RelationshipAttribute}. */
        RELATIONSHIP,
        /** A {@code @Composite} value spread over columns: not rendered yet. */
        COMPOSITE
    }
}
