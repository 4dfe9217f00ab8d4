package io.athanor.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
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
 * Finds the hybrids of a mapped class (on the class and its {@code @Mixin}/{@code @Mapped}
 * superclasses), checks their {@code @HybridExpression} methods, and derives the SQL of getters
 * without one. The hybrid annotations are recognised by name: the processor does not depend on the
 * hybrid module.
 */
final class HybridReader {
    static final String PACKAGE = "io.athanor.ext.hybrid.";
    static final String HYBRID_PROPERTY = PACKAGE + "HybridProperty";
    static final String HYBRID_METHOD = PACKAGE + "HybridMethod";
    static final String HYBRID_EXPRESSION = PACKAGE + "HybridExpression";
    static final String COLUMNS = PACKAGE + "Columns";
    static final String COMPARED = PACKAGE + "Compared";
    static final String FIELD = "org.jooq.Field";
    static final String CONDITION = "org.jooq.Condition";

    private final Elements elements;
    private final Types types;
    private final Messager messager;
    private final Derivation derivation;

    HybridReader(Elements elements, Types types, Messager messager, Derivation derivation) {
        this.elements = elements;
        this.types = types;
        this.messager = messager;
        this.derivation = derivation;
    }

    /** A hybrid found in the chain, before its SQL is known. */
    private record Declared(Hybrid.Kind kind, String name, ExecutableElement method, boolean derive) {
    }

    /** The model with its hybrids; {@link Reading.Invalid} after reporting errors, {@link Reading.Unresolved} to retry. */
    Reading read(MappedClass model) {
        Map<String, Declared> declared = new LinkedHashMap<>();
        Map<String, ExecutableElement> expressions = new LinkedHashMap<>();
        boolean ok = collect(model, declared, expressions);
        for (Map.Entry<String, ExecutableElement> e : expressions.entrySet()) {
            if (!declared.containsKey(e.getKey())) {
                error(Messages.unknownHybrid(owner(e.getValue()), name(e.getValue()), e.getKey()), e.getValue());
                ok = false;
            }
        }
        Set<String> taken = model.attributes().stream().map(Attribute::name).collect(Collectors.toSet());
        taken.add(MetamodelWriter.TABLE_CONSTANT);
        List<Hybrid> hybrids = new ArrayList<>();
        for (Declared d : declared.values()) {
            if (d.kind() == Hybrid.Kind.PROPERTY && taken.contains(d.name())) {
                error(Messages.nameTaken(model.type().getQualifiedName().toString(), d.name()), d.method());
                ok = false;
                continue;
            }
            ExecutableElement expression = expressions.get(d.name());
            Hybrid hybrid;
            if (expression != null) {
                if (expression.getReturnType().getKind() == TypeKind.ERROR) {
                    return new Reading.Unresolved();
                }
                hybrid = explicit(model, d, expression);
                if (hybrid == null) {
                    ok = false;
                    continue;
                }
            } else if (d.derive()) {
                Derivation.Outcome outcome = derivation.derive(model, d.kind(), d.name(), d.method());
                if (outcome instanceof Derivation.Outcome.Failed) {
                    ok = false;
                    continue;
                }
                if (!(outcome instanceof Derivation.Outcome.Derived derived)) {
                    continue;
                }
                hybrid = derived.hybrid();
            } else {
                continue;
            }
            hybrids.add(hybrid);
        }
        return ok ? new Reading.Ready(model.withHybrids(hybrids)) : new Reading.Invalid();
    }

    /** The hybrids declared along the chain and their expressions (a subclass's replacing its parent's); false on errors. */
    private boolean collect(MappedClass model, Map<String, Declared> declared, Map<String, ExecutableElement> expressions) {
        boolean ok = true;
        for (TypeElement type : model.chain()) {
            Map<String, ExecutableElement> own = new LinkedHashMap<>();
            for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
                ok &= declare(type, m, declared);
                AnnotationMirror expression = mirror(m, HYBRID_EXPRESSION);
                if (expression != null) {
                    String name = stringValue(expression);
                    if (own.put(name, m) != null) {
                        error(Messages.duplicateExpression(type.getQualifiedName().toString(), name), m);
                        ok = false;
                    }
                }
            }
            expressions.putAll(own);
        }
        return ok;
    }

    private boolean declare(TypeElement type, ExecutableElement m, Map<String, Declared> declared) {
        AnnotationMirror property = mirror(m, HYBRID_PROPERTY);
        AnnotationMirror method = mirror(m, HYBRID_METHOD);
        boolean isStatic = m.getModifiers().contains(Modifier.STATIC);
        boolean isVoid = m.getReturnType().getKind() == TypeKind.VOID;
        String owner = type.getQualifiedName().toString();
        if (property != null) {
            if (isStatic || isVoid || !m.getParameters().isEmpty()) {
                error(Messages.badHybridProperty(owner, name(m)), m);
                return false;
            }
            String name = propertyName(name(m), m.getReturnType());
            declared.remove(name);
            declared.put(name, new Declared(Hybrid.Kind.PROPERTY, name, m, booleanValue(property, "derive", true)));
        }
        if (method != null) {
            if (isStatic || isVoid) {
                error(Messages.badHybridMethod(owner, name(m)), m);
                return false;
            }
            declared.remove(name(m));
            declared.put(name(m), new Declared(Hybrid.Kind.METHOD, name(m), m, booleanValue(method, "derive", true)));
        }
        return true;
    }

    /** The hybrid with its {@code @HybridExpression}; {@code null} after reporting an error. */
    private Hybrid explicit(MappedClass model, Declared d, ExecutableElement expression) {
        String owner = owner(expression);
        if (!expression.getModifiers().contains(Modifier.STATIC) || expression.getModifiers().contains(Modifier.PRIVATE)) {
            error(Messages.expressionNotStatic(owner, name(expression)), expression);
            return null;
        }
        if (!accessible(expression, model.packageName())) {
            error(Messages.inaccessible(owner, name(expression), model.metamodelQualifiedName()), expression);
            return null;
        }
        List<? extends VariableElement> parameters = expression.getParameters();
        boolean columns = !parameters.isEmpty() && isClass(parameters.get(0).asType(), COLUMNS);
        List<? extends VariableElement> arguments = columns ? parameters.subList(1, parameters.size()) : parameters;
        int expected = d.kind() == Hybrid.Kind.PROPERTY ? 0 : d.method().getParameters().size();
        if (arguments.size() != expected) {
            error(Messages.badParameters(owner, name(expression), d.name(), expected), expression);
            return null;
        }
        TypeElement declaring = (TypeElement) d.method().getEnclosingElement();
        // An expression the mapped class declares itself describes its own table, whoever declares the
        // getter: that is how a subclass redefines an inherited hybrid's SQL (SQLAlchemy's overrides).
        boolean inherited = !expression.getEnclosingElement().equals(model.type());
        if (inherited && !columns) {
            error(Messages.needsColumns(model.type().getQualifiedName().toString(),
                    ((TypeElement) (declaring.equals(model.type()) ? expression.getEnclosingElement() : declaring))
                            .getQualifiedName().toString(), d.name()), expression);
            return null;
        }
        TypeMirror returned = expression.getReturnType();
        boolean booleanValued = isBoolean(d.method().getReturnType());
        Hybrid.Shape shape;
        TypeMirror valueType = null;
        if (isAssignable(returned, CONDITION)) {
            shape = Hybrid.Shape.CONDITION;
        } else if (d.kind() == Hybrid.Kind.PROPERTY && isClass(returned, COMPARED)) {
            shape = Hybrid.Shape.COMPARED;
            valueType = typeArgument(returned, COMPARED);
        } else if (isAssignable(returned, FIELD)) {
            valueType = typeArgument(returned, FIELD);
            shape = booleanValued && valueType != null && isClass(valueType, "java.lang.Boolean")
                    ? Hybrid.Shape.CONDITION : Hybrid.Shape.FIELD;
        } else {
            error(Messages.badReturn(owner, name(expression), d.kind() == Hybrid.Kind.PROPERTY ? "property" : "method"),
                    expression);
            return null;
        }
        if (shape != Hybrid.Shape.CONDITION && (valueType == null || valueType.getKind() != TypeKind.DECLARED)) {
            error(Messages.badReturn(owner, name(expression), d.kind() == Hybrid.Kind.PROPERTY ? "property" : "method"),
                    expression);
            return null;
        }
        if (shape == Hybrid.Shape.CONDITION) {
            valueType = null;
        }
        return new Hybrid(d.kind(), d.name(), d.method(), shape, valueType, expression, columns, parameters(arguments),
                null);
    }

    /** The expression's parameters after {@code Columns}: a {@code Field<T>} one records its value type. */
    private List<Hybrid.Parameter> parameters(List<? extends VariableElement> arguments) {
        List<Hybrid.Parameter> params = new ArrayList<>();
        for (VariableElement p : arguments) {
            TypeMirror type = p.asType();
            TypeMirror fieldValue = isClass(type, FIELD) ? typeArgument(type, FIELD) : null;
            params.add(new Hybrid.Parameter(p.getSimpleName().toString(), type,
                    fieldValue != null && fieldValue.getKind() == TypeKind.DECLARED ? fieldValue : null));
        }
        return List.copyOf(params);
    }

    /**
     * JavaBeans: {@code getFullName} and {@code fullName} give {@code fullName}; {@code isActive} (boolean) gives
     * {@code active}.
     */
    static String propertyName(String method, TypeMirror returnType) {
        String rest = null;
        if (method.length() > 3 && method.startsWith("get") && Character.isUpperCase(method.charAt(3))) {
            rest = method.substring(3);
        } else if (method.length() > 2 && method.startsWith("is") && Character.isUpperCase(method.charAt(2))
                && isBoolean(returnType)) {
            rest = method.substring(2);
        }
        if (rest == null) {
            return method;
        }
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
            return rest;
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN || (type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Boolean"));
    }

    private boolean accessible(ExecutableElement method, String pkg) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        if (elements.getPackageOf(owner).getQualifiedName().contentEquals(pkg)) {
            return true;
        }
        if (!method.getModifiers().contains(Modifier.PUBLIC)) {
            return false;
        }
        for (Element e = owner; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private boolean isClass(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    private boolean isAssignable(TypeMirror type, String qualifiedName) {
        TypeElement target = elements.getTypeElement(qualifiedName);
        return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
    }

    /** {@code X} of the supertype {@code qualifiedName<X>} of {@code type}, or {@code null}. */
    private TypeMirror typeArgument(TypeMirror type, String qualifiedName) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType declared = (DeclaredType) type;
        if (isClass(type, qualifiedName)) {
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            return arguments.size() == 1 ? arguments.get(0) : null;
        }
        for (TypeMirror supertype : types.directSupertypes(type)) {
            TypeMirror found = typeArgument(supertype, qualifiedName);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static AnnotationMirror mirror(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                return mirror;
            }
        }
        return null;
    }

    private static String stringValue(AnnotationMirror mirror) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals("value")) {
                return String.valueOf(e.getValue().getValue());
            }
        }
        return "";
    }

    private static boolean booleanValue(AnnotationMirror mirror, String element, boolean fallback) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(element)) {
                return Boolean.TRUE.equals(e.getValue().getValue());
            }
        }
        return fallback;
    }

    private void error(String message, Element element) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    private static String owner(ExecutableElement method) {
        return ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
    }

    private static String name(ExecutableElement method) {
        return method.getSimpleName().toString();
    }
}
