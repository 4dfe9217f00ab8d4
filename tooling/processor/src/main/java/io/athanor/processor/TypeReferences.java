package io.athanor.processor;

import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks on the types a metamodel refers to. */
final class TypeReferences {
    private final Elements elements;
    private final Types types;

    TypeReferences(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** Whether the type, or a type inside it, is not resolved (yet). */
    static boolean containsError(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case ARRAY -> containsError(((ArrayType) type).getComponentType());
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(TypeReferences::containsError);
            case WILDCARD -> bounds((WildcardType) type, TypeReferences::containsError);
            default -> false;
        };
    }

    /**
     * The first class the rendered form of {@code type} names that code in package {@code pkg}
     * cannot access, or {@code null}. Type variables render as their erasure at the top and in
     * arrays, and as {@code ?} inside type arguments (see {@link TypeNames}).
     */
    TypeElement firstInaccessible(TypeMirror type, String pkg) {
        return firstInaccessible(type, pkg, true);
    }

    private TypeElement firstInaccessible(TypeMirror type, String pkg, boolean erasingVariables) {
        switch (type.getKind()) {
            case ARRAY:
                return firstInaccessible(((ArrayType) type).getComponentType(), pkg, true);
            case TYPEVAR:
                return erasingVariables ? firstInaccessible(types.erasure(type), pkg, true) : null;
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
                return bound == null ? null : firstInaccessible(bound, pkg, false);
            case DECLARED:
                TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
                if (!accessible(element, pkg)) {
                    return element;
                }
                for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                    TypeElement found = firstInaccessible(argument, pkg, false);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private boolean accessible(TypeElement type, String pkg) {
        boolean samePackage = elements.getPackageOf(type).getQualifiedName().contentEquals(pkg);
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)
                    || (!e.getModifiers().contains(Modifier.PUBLIC) && !samePackage)) {
                return false;
            }
        }
        return true;
    }

    private static boolean bounds(WildcardType wildcard, Predicate<TypeMirror> test) {
        return (wildcard.getExtendsBound() != null && test.test(wildcard.getExtendsBound()))
                || (wildcard.getSuperBound() != null && test.test(wildcard.getSuperBound()));
    }
}
