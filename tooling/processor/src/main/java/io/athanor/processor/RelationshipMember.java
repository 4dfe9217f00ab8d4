package io.athanor.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Renders a {@code @Relationship} field as a {@code RelationshipAttribute<Owner, Target>} member;
 * the target of a collection is its element type. Generic classes appear erased.
 */
final class RelationshipMember {
    private final Types types;
    private final Elements elements;
    private final TypeNames names;

    RelationshipMember(Types types, Elements elements, TypeNames names) {
        this.types = types;
        this.elements = elements;
        this.names = names;
    }

    String render(MappedClass model, Attribute attribute) {
        String type = names.name(MetamodelWriter.RELATIONSHIP_ATTRIBUTE);
        String owner = names.rawClass(model.type().asType());
        TypeMirror targetType = target(attribute.type());
        String target = names.rawClass(targetType);
        boolean raw = !model.type().getTypeParameters().isEmpty() || isGeneric(targetType);
        return (raw ? "    @" + names.name("java.lang.SuppressWarnings") + "(\"rawtypes\")\n" : "")
                + "    public static final " + type + "<" + owner + ", " + target + "> " + attribute.name()
                + " = new " + type + "<>(" + owner + ".class, " + literal(attribute.name()) + ", " + target
                + ".class);\n";
    }

    /** The element type of a collection, otherwise the type itself. */
    private TypeMirror target(TypeMirror type) {
        TypeElement collection = elements.getTypeElement("java.util.Collection");
        if (type.getKind() == TypeKind.DECLARED && collection != null
                && types.isAssignable(types.erasure(type), types.erasure(collection.asType()))) {
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            if (arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED) {
                return arguments.get(0);
            }
        }
        return type;
    }

    private static boolean isGeneric(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && !((TypeElement) ((DeclaredType) type).asElement()).getTypeParameters().isEmpty();
    }

    private String literal(String value) {
        return elements.getConstantExpression(value).toString();
    }
}
