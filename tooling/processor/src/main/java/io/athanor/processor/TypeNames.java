package io.athanor.processor;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Renders types as source text for a compilation unit in one package. Classes of that package
 * and of {@code java.lang} are written by their short names when nothing shadows them, all other
 * classes by canonical name. Type annotations are never rendered. Primitives are boxed at the top
 * level; type variables become their erasure at the top level and {@code ?} inside type
 * arguments; raw types get {@code ?} arguments.
 */
final class TypeNames {
    private final Elements elements;
    private final Types types;
    private final String pkg;
    private final Set<String> imports;

    /**
     * @param pkg     the package of the compilation unit
     * @param imports canonical names of the top-level classes the unit imports
     */
    TypeNames(Elements elements, Types types, String pkg, Set<String> imports) {
        this.elements = elements;
        this.types = types;
        this.pkg = pkg;
        this.imports = imports;
    }

    /** Whether a class of that simple name exists in the unit's package (an import would shadow it). */
    static boolean declaredIn(Elements elements, String pkg, String simpleName) {
        return elements.getTypeElement(pkg.isEmpty() ? simpleName : pkg + "." + simpleName) != null;
    }

    /** The name of a class. */
    String name(TypeElement type) {
        String canonical = type.getQualifiedName().toString();
        String typePackage = elements.getPackageOf(type).getQualifiedName().toString();
        String relative = typePackage.isEmpty() ? canonical : canonical.substring(typePackage.length() + 1);
        String topLevel = relative.contains(".") ? relative.substring(0, relative.indexOf('.')) : relative;
        if (imports.contains(typePackage.isEmpty() ? topLevel : typePackage + "." + topLevel)) {
            return relative;
        }
        if (imports.stream().anyMatch(i -> i.endsWith("." + topLevel))) {
            return canonical;
        }
        if (typePackage.equals(pkg)) {
            return relative;
        }
        if (typePackage.equals("java.lang") && !declaredIn(elements, pkg, topLevel)) {
            return relative;
        }
        return canonical;
    }

    /** The name of a top-level class given by its canonical name; canonical if the class is not on the class path. */
    String name(String canonicalName) {
        TypeElement type = elements.getTypeElement(canonicalName);
        if (type != null) {
            return name(type);
        }
        String simpleName = canonicalName.substring(canonicalName.lastIndexOf('.') + 1);
        return imports.contains(canonicalName) ? simpleName : canonicalName;
    }

    /** The type an attribute of this Java type has: {@code T} in {@code ColumnAttribute<T>}. */
    String attributeType(TypeMirror type) {
        return render(type, Mode.TOP);
    }

    /** A parameter's declared type: primitives stay primitive. */
    String parameterType(TypeMirror type) {
        return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(Locale.ROOT) : render(type, Mode.TOP);
    }

    /** The class whose literal gives {@code Class<T>}, possibly only after an unchecked cast. */
    String rawClass(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return name(types.boxedClass((PrimitiveType) type));
        }
        return render(types.erasure(type), Mode.RAW);
    }

    private String render(TypeMirror type, Mode mode) {
        TypeKind kind = type.getKind();
        if (kind.isPrimitive()) {
            return mode == Mode.TOP ? name(types.boxedClass((PrimitiveType) type)) : kind.name().toLowerCase(Locale.ROOT);
        }
        switch (kind) {
            case ARRAY:
                return render(((ArrayType) type).getComponentType(), mode == Mode.RAW ? Mode.RAW : Mode.COMPONENT) + "[]";
            case TYPEVAR:
                return mode == Mode.ARGUMENT ? "?" : render(types.erasure(type), mode);
            case WILDCARD:
                return wildcard((WildcardType) type);
            case DECLARED:
                return mode == Mode.RAW ? name((TypeElement) ((DeclaredType) type).asElement()) : declared((DeclaredType) type);
            default:
                return type.toString();
        }
    }

    private String declared(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        if (arguments.isEmpty()) {
            int parameters = element.getTypeParameters().size();
            return parameters == 0
                    ? name(element)
                    : name(element) + "<" + String.join(", ", Collections.nCopies(parameters, "?")) + ">";
        }
        return name(element) + arguments.stream().map(a -> render(a, Mode.ARGUMENT)).collect(Collectors.joining(", ", "<", ">"));
    }

    private String wildcard(WildcardType type) {
        if (type.getExtendsBound() != null && type.getExtendsBound().getKind() != TypeKind.TYPEVAR) {
            return "? extends " + render(type.getExtendsBound(), Mode.ARGUMENT);
        }
        if (type.getSuperBound() != null && type.getSuperBound().getKind() != TypeKind.TYPEVAR) {
            return "? super " + render(type.getSuperBound(), Mode.ARGUMENT);
        }
        return "?";
    }

    /** Where a type occurs. */
    private enum Mode {
        /** The attribute type itself: primitives boxed, type variables erased. */
        TOP,
        /** An array component: primitives kept, type variables erased. */
        COMPONENT,
        /** Inside type arguments: type variables become {@code ?}. */
        ARGUMENT,
        /** An erased type in a class literal: no type arguments, primitives kept. */
        RAW
    }
}
