package io.athanor.processor;

import io.athanor.api.internal.Names;
import io.athanor.mapping.Column;
import io.athanor.mapping.Composite;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Mixin;
import io.athanor.mapping.Relationship;
import io.athanor.mapping.Transient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads a {@code @Mapped} class into a {@link MappedClass}: its table and its persistent fields,
 * from the outermost {@code @Mixin} (or {@code @Mapped}) superclass down to the class itself.
 * Reports an error only where the metamodel cannot be generated.
 */
final class MappedClassReader {
    private final Elements elements;
    private final Types types;
    private final Messager messager;
    private final TypeReferences references;

    MappedClassReader(Elements elements, Types types, Messager messager) {
        this.elements = elements;
        this.types = types;
        this.messager = messager;
        this.references = new TypeReferences(elements, types);
    }

    /** Reads a class already known to be a class or record annotated {@code @Mapped}. */
    Reading read(TypeElement type) {
        if (!checkReferable(type)) {
            return new Reading.Invalid();
        }
        List<TypeElement> chain = superclassChain(type);
        if (chain == null) {
            return new Reading.Unresolved();
        }
        List<Attribute> attributes = new ArrayList<>();
        DeclaredType owner = (DeclaredType) type.asType();
        for (TypeElement declaring : chain) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                if (isPersistent(field)) {
                    TypeMirror fieldType = types.asMemberOf(owner, field);
                    if (TypeReferences.containsError(fieldType)) {
                        return new Reading.Unresolved();
                    }
                    attributes.add(attribute(field, fieldType));
                }
            }
        }
        if (!checkAttributes(type, attributes)) {
            return new Reading.Invalid();
        }
        return new Reading.Ready(new MappedClass(type, packageName(type), metamodelName(type), table(type, chain),
                List.copyOf(attributes), List.copyOf(chain), List.of()));
    }

    /** The class and its {@code @Mixin}/{@code @Mapped} superclasses, outermost first; {@code null} if one is unresolved. */
    private List<TypeElement> superclassChain(TypeElement type) {
        List<TypeElement> chain = new ArrayList<>();
        chain.add(type);
        TypeElement current = type;
        while (true) {
            TypeMirror superclass = current.getSuperclass();
            if (superclass.getKind() == TypeKind.ERROR) {
                return null;
            }
            if (superclass.getKind() != TypeKind.DECLARED) {
                break;
            }
            current = (TypeElement) ((DeclaredType) superclass).asElement();
            if (current.getAnnotation(Mixin.class) == null && current.getAnnotation(Mapped.class) == null) {
                break;
            }
            chain.add(current);
        }
        Collections.reverse(chain);
        return chain;
    }

    private boolean isPersistent(VariableElement field) {
        return !field.getModifiers().contains(Modifier.STATIC)
                && !field.getModifiers().contains(Modifier.TRANSIENT)
                && field.getAnnotation(Transient.class) == null
                && elements.getOrigin(field) != Elements.Origin.SYNTHETIC;
    }

    private static Attribute attribute(VariableElement field, TypeMirror type) {
        String name = field.getSimpleName().toString();
        if (field.getAnnotation(Relationship.class) != null) {
            return new Attribute(Attribute.Kind.RELATIONSHIP, field, name, null, type);
        }
        if (field.getAnnotation(Composite.class) != null) {
            return new Attribute(Attribute.Kind.COMPOSITE, field, name, null, type);
        }
        Column column = field.getAnnotation(Column.class);
        String columnName = column == null || column.name().isEmpty() ? Names.snakeCase(name) : column.name();
        return new Attribute(Attribute.Kind.COLUMN, field, name, columnName, type);
    }

    /** Field names must be unique across the chain, and column types must be nameable from the metamodel. */
    private boolean checkAttributes(TypeElement type, List<Attribute> attributes) {
        boolean ok = true;
        String pkg = packageName(type);
        Map<String, Attribute> byName = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            Attribute previous = byName.putIfAbsent(attribute.name(), attribute);
            if (previous != null) {
                error(type, attribute, "field '" + attribute.name() + "' of " + owner(attribute)
                        + " hides the field of the same name in " + owner(previous)
                        + "; the metamodel cannot hold both");
                ok = false;
            }
            if (attribute.kind() != Attribute.Kind.COLUMN) {
                continue;
            }
            TypeElement hidden = references.firstInaccessible(attribute.type(), pkg);
            if (hidden != null) {
                error(type, attribute, "field '" + attribute.name() + "' has type " + hidden.getQualifiedName()
                        + ", which the generated metamodel in package '" + pkg
                        + "' cannot refer to; make that type public (or package-private in the same package)");
                ok = false;
            }
        }
        return ok;
    }

    private boolean checkReferable(TypeElement type) {
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            messager.printMessage(Diagnostic.Kind.ERROR,
                    "@Mapped class " + type.getSimpleName() + " is a local class; the metamodel cannot refer to it", type);
            return false;
        }
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                messager.printMessage(Diagnostic.Kind.ERROR, "@Mapped class " + type.getQualifiedName()
                        + " is private or nested in a private class; the generated metamodel "
                        + metamodelName(type) + " cannot refer to it", type);
                return false;
            }
        }
        return true;
    }

    private void error(TypeElement type, Attribute attribute, String message) {
        boolean ownField = attribute.field().getEnclosingElement().equals(type);
        messager.printMessage(Diagnostic.Kind.ERROR, "@Mapped class " + type.getQualifiedName() + ": " + message,
                ownField ? attribute.field() : type);
    }

    private static String owner(Attribute attribute) {
        return ((TypeElement) attribute.field().getEnclosingElement()).getQualifiedName().toString();
    }

    /**
     * The class's table: its own, or, for a subclass of a mapped class without one, its nearest mapped
     * superclass's (single-table inheritance); {@code chain} is the class's chain, outermost first.
     */
    private String table(TypeElement type, List<TypeElement> chain) {
        String table = type.getAnnotation(Mapped.class).table();
        if (!table.isEmpty()) {
            return table;
        }
        for (int i = chain.size() - 2; i >= 0; i--) {
            if (chain.get(i).getAnnotation(Mapped.class) != null) {
                return table(chain.get(i), chain.subList(0, i + 1));
            }
        }
        return Names.snakeCase(type.getSimpleName().toString());
    }

    private String packageName(TypeElement type) {
        return elements.getPackageOf(type).getQualifiedName().toString();
    }

    /** {@code User_} for a top-level class, {@code Outer_Inner_} for a nested one. */
    private String metamodelName(TypeElement type) {
        String pkg = packageName(type);
        String canonical = type.getQualifiedName().toString();
        String relative = pkg.isEmpty() ? canonical : canonical.substring(pkg.length() + 1);
        return relative.replace('.', '_') + "_";
    }
}
