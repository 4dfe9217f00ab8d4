package io.athanor.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Derives the SQL of a {@code @HybridProperty} getter without a {@code @HybridExpression} from its
 * body, {@code return <expression>;}, read with the javac Tree API. The translation itself is
 * {@link Translator}'s; an expression it cannot reproduce exactly is a compile error at the
 * offending sub-expression, never an approximate query.
 */
final class Derivation {
    private final Trees trees;
    private final Elements elements;
    private final javax.lang.model.util.Types types;
    private final Messager messager;

    private Derivation(Trees trees, Elements elements, javax.lang.model.util.Types types, Messager messager) {
        this.trees = trees;
        this.elements = elements;
        this.types = types;
        this.messager = messager;
    }

    /** A derivation for this compiler; without the javac Tree API nothing is derived (with a warning per hybrid). */
    static Derivation create(ProcessingEnvironment env) {
        Trees trees;
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException | LinkageError notJavac) {
            trees = null;
        }
        return new Derivation(trees, env.getElementUtils(), env.getTypeUtils(), env.getMessager());
    }

    /** What deriving one hybrid gave. */
    sealed interface Outcome {
        /** The SQL was derived. */
        record Derived(Hybrid hybrid) implements Outcome {
        }

        /** The body cannot be translated; an error was reported. */
        record Failed() implements Outcome {
        }

        /** The body cannot be read; a warning was reported and the hybrid is not exposed. */
        record Unavailable() implements Outcome {
        }
    }

    Outcome derive(MappedClass model, Hybrid.Kind kind, String name, ExecutableElement getter) {
        String owner = ((TypeElement) getter.getEnclosingElement()).getQualifiedName().toString();
        TreePath path = trees == null ? null : trees.getPath(getter);
        if (path == null || !(path.getLeaf() instanceof MethodTree method) || method.getBody() == null) {
            messager.printMessage(Diagnostic.Kind.WARNING, Messages.bodyUnavailable(owner, name), getter);
            return new Outcome.Unavailable();
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        try {
            List<? extends StatementTree> statements = method.getBody().getStatements();
            if (statements.size() != 1 || !(statements.get(0) instanceof ReturnTree ret) || ret.getExpression() == null) {
                throw new Untranslatable(method.getBody(), "its body is not a single return statement");
            }
            java.util.Map<String, Translator.Parameter> parameters = new java.util.LinkedHashMap<>();
            List<Hybrid.Parameter> declared = new java.util.ArrayList<>();
            for (int i = 0; i < getter.getParameters().size(); i++) {
                javax.lang.model.element.VariableElement p = getter.getParameters().get(i);
                TypeMirror boxed = boxedOperand(p.asType());
                if (boxed == null) {
                    throw new Untranslatable(method.getParameters().get(i), "parameter '" + p.getSimpleName()
                            + "' is a " + p.asType() + "; derived hybrid methods take String, int, long, boolean or"
                            + " their wrappers");
                }
                String code = codeName(model, p.getSimpleName().toString());
                parameters.put(p.getSimpleName().toString(), new Translator.Parameter(code, p.asType()));
                declared.add(new Hybrid.Parameter(code, types.getDeclaredType(elements.getTypeElement(FIELD), boxed),
                        boxed));
            }
            Translator translator = new Translator(model, elements, parameters);
            Translator.Sql sql = translator.translate(ret.getExpression(), java.util.Set.of());
            Hybrid hybrid = hybrid(model, name, getter, ret.getExpression(), sql);
            if (kind == Hybrid.Kind.METHOD) {
                hybrid = new Hybrid(Hybrid.Kind.METHOD, hybrid.name(), getter, hybrid.shape(), hybrid.valueType(), null,
                        false, List.copyOf(declared), hybrid.derived());
            }
            return new Outcome.Derived(hybrid);
        } catch (Untranslatable e) {
            trees.printMessage(Diagnostic.Kind.ERROR, Messages.cannotDerive(owner, name, e.getMessage(),
                    kind == Hybrid.Kind.METHOD ? "@HybridMethod" : "@HybridProperty"), e.tree(), unit);
            return new Outcome.Failed();
        }
    }

    private static final String FIELD = "org.jooq.Field";

    /** The wrapper type of a parameter the translation can use, or {@code null}. */
    private TypeMirror boxedOperand(TypeMirror type) {
        TypeMirror boxed = type.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) type)
                .asType() : type;
        if (boxed.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String name = ((TypeElement) ((DeclaredType) boxed).asElement()).getQualifiedName().toString();
        return switch (name) {
            case "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean" -> boxed;
            default -> null;
        };
    }

    /** The metamodel method's parameter name: the Java name, unless it would hide a package or the class. */
    private static String codeName(MappedClass model, String name) {
        return name.equals("org") || name.equals("io") || name.equals("java") || name.equals(model.metamodelName())
                ? name + "$" : name;
    }

    /** The hybrid for the getter's return type, converting the translated value as Java's return does. */
    private Hybrid hybrid(MappedClass model, String name, ExecutableElement getter, ExpressionTree returned,
                          Translator.Sql sql) throws Untranslatable {
        TypeMirror type = getter.getReturnType();
        String boxed = type.getKind().isPrimitive() ? null
                : type.getKind() == TypeKind.DECLARED
                        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString() : "";
        Translator.Kind wanted = switch (type.getKind()) {
            case INT -> Translator.Kind.INT;
            case LONG -> Translator.Kind.LONG;
            case BOOLEAN -> Translator.Kind.BOOLEAN;
            case DECLARED -> switch (boxed) {
                case "java.lang.String" -> Translator.Kind.STRING;
                case "java.lang.Integer" -> Translator.Kind.INT;
                case "java.lang.Long" -> Translator.Kind.LONG;
                case "java.lang.Boolean" -> Translator.Kind.BOOLEAN;
                default -> null;
            };
            default -> null;
        };
        if (wanted == null) {
            throw new Untranslatable(returned, "the getter returns " + type
                    + "; derived hybrids return String, int, long, boolean or their wrappers");
        }
        Translator.Sql value = sql;
        if (wanted == Translator.Kind.BOOLEAN || type.getKind().isPrimitive()) {
            value = Translator.requireValue(value, returned);
        }
        if (wanted == Translator.Kind.LONG && value.kind() == Translator.Kind.INT) {
            value = Translator.widen(value);
        }
        if (value.kind() == Translator.Kind.NULL) {
            throw new Untranslatable(returned, "it always returns null");
        }
        if (value.kind() != wanted) {
            throw new Untranslatable(returned, "the expression's type does not match the getter's " + type);
        }
        if (wanted == Translator.Kind.BOOLEAN) {
            return new Hybrid(Hybrid.Kind.PROPERTY, name, getter, Hybrid.Shape.CONDITION, null, null, false, List.of(),
                    value.code());
        }
        String valueClass = switch (wanted) {
            case STRING -> "java.lang.String";
            case INT -> "java.lang.Integer";
            default -> "java.lang.Long";
        };
        return new Hybrid(Hybrid.Kind.PROPERTY, name, getter, Hybrid.Shape.FIELD,
                elements.getTypeElement(valueClass).asType(), null, false, List.of(), value.code());
    }

    /** A sub-expression that cannot be translated exactly, and why. */
    static final class Untranslatable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Tree tree;

        Untranslatable(Tree tree, String reason) {
            super(reason, null, false, false);
            this.tree = tree;
        }

        Tree tree() {
            return tree;
        }
    }
}
