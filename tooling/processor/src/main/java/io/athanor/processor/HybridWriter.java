package io.athanor.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Renders the metamodel members of hybrids: a {@code public static final} field per hybrid
 * property, and per hybrid method a static method taking jOOQ fields (plus one taking plain values
 * when the expression takes fields). Hybrid members follow the columns, so that their initialisers
 * can read them.
 */
final class HybridWriter {
    private static final String HYBRID_FIELD = HybridReader.PACKAGE + "HybridField";
    private static final String HYBRID_CONDITION = HybridReader.PACKAGE + "HybridCondition";

    private final Elements elements;
    private boolean unchecked;

    HybridWriter(Elements elements) {
        this.elements = elements;
    }

    /** Whether a member needed an unchecked class-literal cast (the class then suppresses the warning). */
    boolean unchecked() {
        return unchecked;
    }

    List<String> members(MappedClass model, TypeNames names) {
        unchecked = false;
        List<String> members = new ArrayList<>();
        for (Hybrid hybrid : model.hybrids()) {
            if (hybrid.kind() == Hybrid.Kind.PROPERTY) {
                members.add(property(model, hybrid, names));
            } else {
                members.addAll(methods(model, hybrid, names));
            }
        }
        return members;
    }

    private String property(MappedClass model, Hybrid hybrid, TypeNames names) {
        String expression = hybrid.derived() != null ? hybrid.derived() : call(model, hybrid, names, List.of());
        return "    /** Hybrid property {@code " + javadoc(hybrid.declaration()) + "}"
                + (hybrid.derived() != null ? ", its SQL derived from the getter" : "") + ". */\n"
                + "    public static final " + memberType(hybrid, names) + " " + hybrid.name() + " = "
                + factory(model, hybrid, names, expression) + ";\n";
    }

    private List<String> methods(MappedClass model, Hybrid hybrid, TypeNames names) {
        List<String> methods = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        for (Hybrid.Parameter p : hybrid.parameters()) {
            declared.add(names.parameterType(p.type()) + " " + p.name());
            arguments.add(p.name());
        }
        String head = "    /** Hybrid method {@code " + javadoc(hybrid.declaration()) + "}";
        String signature = "    public static " + memberType(hybrid, names) + " " + hybrid.name() + "(";
        String expression = hybrid.derived() != null ? hybrid.derived() : call(model, hybrid, names, arguments);
        methods.add(head + (hybrid.derived() != null ? ", its SQL derived from the method" : "") + ". */\n" + signature
                + String.join(", ", declared) + ") {\n        return " + factory(model, hybrid, names, expression)
                + ";\n    }\n");
        if (hybrid.parameters().stream().anyMatch(p -> p.valueType() != null)) {
            List<String> plain = new ArrayList<>();
            List<String> wrapped = new ArrayList<>();
            for (Hybrid.Parameter p : hybrid.parameters()) {
                if (p.valueType() == null) {
                    plain.add(names.parameterType(p.type()) + " " + p.name());
                    wrapped.add(p.name());
                } else {
                    plain.add(names.attributeType(p.valueType()) + " " + p.name());
                    wrapped.add("org.jooq.impl.DSL.val(" + p.name() + ", " + classLiteral(p.valueType(), names) + ")");
                }
            }
            methods.add(head + ", with values bound as parameters. */\n" + signature + String.join(", ", plain)
                    + ") {\n        return " + hybrid.name() + "(" + String.join(", ", wrapped) + ");\n    }\n");
        }
        return methods;
    }

    private String memberType(Hybrid hybrid, TypeNames names) {
        return switch (hybrid.shape()) {
            case CONDITION -> names.name(HYBRID_CONDITION);
            case FIELD -> names.name(HYBRID_FIELD) + "<" + names.attributeType(hybrid.valueType()) + ">";
            case COMPARED -> names.name(HybridReader.COMPARED) + "<" + names.attributeType(hybrid.valueType()) + ">";
        };
    }

    private String factory(MappedClass model, Hybrid hybrid, TypeNames names, String expression) {
        String entity = names.name(model.type()) + ".class, " + literal(hybrid.name()) + ", ";
        return switch (hybrid.shape()) {
            case CONDITION -> names.name(HYBRID_CONDITION) + ".of(" + entity + expression + ")";
            case FIELD -> names.name(HYBRID_FIELD) + ".of(" + entity + classLiteral(hybrid.valueType(), names) + ", "
                    + expression + ")";
            case COMPARED -> names.name(HybridReader.COMPARED) + ".of(" + entity
                    + classLiteral(hybrid.valueType(), names) + ", " + expression + ")";
        };
    }

    /** The call of the {@code @HybridExpression} method, with the class's columns first when it takes them. */
    private String call(MappedClass model, Hybrid hybrid, TypeNames names, List<String> arguments) {
        ExecutableElement method = hybrid.expression();
        List<String> all = new ArrayList<>();
        if (hybrid.columns()) {
            String columns = model.attributes().stream()
                    .filter(a -> a.kind() == Attribute.Kind.COLUMN)
                    .map(a -> model.metamodelName() + "." + a.name())
                    .collect(Collectors.joining(", "));
            all.add(names.name(HybridReader.COLUMNS) + ".of(" + names.name(model.type()) + ".class"
                    + (columns.isEmpty() ? "" : ", " + columns) + ")");
        }
        all.addAll(arguments);
        return names.name((TypeElement) method.getEnclosingElement()) + "." + method.getSimpleName() + "("
                + String.join(", ", all) + ")";
    }

    private String classLiteral(TypeMirror type, TypeNames names) {
        String rendered = names.attributeType(type);
        String raw = names.rawClass(type);
        if (rendered.equals(raw)) {
            return raw + ".class";
        }
        unchecked = true;
        String classType = names.name("java.lang.Class");
        return "(" + classType + "<" + rendered + ">) (" + classType + "<?>) " + raw + ".class";
    }

    private static String javadoc(ExecutableElement method) {
        return ((TypeElement) method.getEnclosingElement()).getSimpleName() + "." + method.getSimpleName() + "("
                + (method.getParameters().isEmpty() ? "" : "...") + ")";
    }

    private String literal(String value) {
        return elements.getConstantExpression(value);
    }
}
