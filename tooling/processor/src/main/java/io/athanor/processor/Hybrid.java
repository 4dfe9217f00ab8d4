package io.athanor.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One hybrid the metamodel exposes (see the {@code athanor-hybrid} module).
 *
 * @param kind        a property (a static final member) or a method (static methods)
 * @param name        the hybrid's name: the member name in the metamodel
 * @param declaration the annotated getter or method
 * @param shape       what the member is
 * @param valueType   {@code T} of {@code HybridField<T>} or {@code Compared<T>}; {@code null} for a condition
 * @param expression  the {@code @HybridExpression} method, or {@code null} when {@link #derived} is set
 * @param columns     whether {@code expression} takes the class's {@code Columns} first
 * @param parameters  a hybrid method's arguments, as its expression method declares them
 * @param derived     the Java source of the expression the processor derived from the getter, or {@code null}
 */
record Hybrid(Kind kind, String name, ExecutableElement declaration, Shape shape, TypeMirror valueType,
        ExecutableElement expression, boolean columns, List<Parameter> parameters, String derived) {

    /** Property or method. */
    enum Kind {
        PROPERTY,
        METHOD
    }

    /** The metamodel member's type. */
    enum Shape {
        /** {@code HybridField<T>} */
        FIELD,
        /** {@code HybridCondition} */
        CONDITION,
        /** {@code Compared<T>} */
        COMPARED
    }

    /**
     * An argument of a hybrid method's expression.
     *
     * @param name     its name
     * @param type     its declared type
     * @param valueType for a {@code Field<X>} parameter, {@code X}; {@code null} for a plain value
     */
    record Parameter(String name, TypeMirror type, TypeMirror valueType) {
    }
}
