package io.athanor.processor;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Translates one Java expression over a mapped class's fields into Java source that builds the
 * jOOQ expression computing the same value (with {@code io.athanor.ext.hybrid.Derived}). It tracks,
 * for every sub-expression, its type and whether it may be null, so that the SQL agrees with Java
 * on every row: nullable values are text {@code "null"} in concatenation, unboxing a value that may
 * be null (where Java throws) is refused unless a {@code != null} guard proves it non-null, int
 * arithmetic wraps as Java's does, and division needs a non-zero constant divisor.
 */
final class Translator {
    private static final String DSL = "org.jooq.impl.DSL";
    private static final String DERIVED = "io.athanor.ext.hybrid.Derived";

    /** The Java types the translation knows; {@code OTHER} columns only take part in null checks. */
    enum Kind {
        STRING,
        INT,
        LONG,
        BOOLEAN,
        NULL,
        OTHER
    }

    /**
     * A translated sub-expression.
     *
     * @param code      Java source of a jOOQ {@code Field<String|Integer|Long>}, or a {@code Condition} for booleans
     * @param kind      its Java type
     * @param nullable  whether it may be null
     * @param primitive whether its Java type is primitive (matters for {@code ==} and unboxing)
     * @param column    for a mapped field, the source of its column (null checks); otherwise {@code null}
     * @param label     how messages name it
     */
    record Sql(String code, Kind kind, boolean nullable, boolean primitive, String column, String label) {
    }

    /**
     * A parameter of a derived hybrid method: in the metamodel it is a jOOQ {@code Field} named
     * {@code code}, holding a value of {@code type}.
     */
    record Parameter(String code, TypeMirror type) {
    }

    private final MappedClass model;
    private final Elements elements;
    private final java.util.Map<String, Parameter> parameters;

    Translator(MappedClass model, Elements elements) {
        this(model, elements, java.util.Map.of());
    }

    /** A translator for a hybrid method's body, whose parameters are operands too. */
    Translator(MappedClass model, Elements elements, java.util.Map<String, Parameter> parameters) {
        this.model = model;
        this.elements = elements;
        this.parameters = parameters;
    }

    Sql translate(ExpressionTree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        switch (tree.getKind()) {
            case PARENTHESIZED:
                return translate(((ParenthesizedTree) tree).getExpression(), nonNull);
            case STRING_LITERAL:
            case INT_LITERAL:
            case LONG_LITERAL:
            case BOOLEAN_LITERAL:
                return literal(((LiteralTree) tree).getValue(), tree);
            case NULL_LITERAL:
                return new Sql(null, Kind.NULL, true, false, null, "null");
            case IDENTIFIER:
                String identifier = ((IdentifierTree) tree).getName().toString();
                Parameter parameter = parameters.get(identifier);
                if (parameter != null) {
                    return parameter(identifier, parameter, nonNull.contains(PARAMETER + identifier));
                }
                return name(identifier, tree, nonNull);
            case MEMBER_SELECT:
                MemberSelectTree select = (MemberSelectTree) tree;
                if (isThis(select.getExpression())) {
                    return name(select.getIdentifier().toString(), tree, nonNull);
                }
                throw new Derivation.Untranslatable(tree, "'" + tree + "' is not a field of this class");
            case PLUS:
            case MINUS:
            case MULTIPLY:
            case DIVIDE:
            case REMAINDER:
                return arithmetic((BinaryTree) tree, nonNull);
            case LESS_THAN:
            case LESS_THAN_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_EQUAL:
                return comparison((BinaryTree) tree, nonNull);
            case EQUAL_TO:
            case NOT_EQUAL_TO:
                return equality((BinaryTree) tree, nonNull);
            case CONDITIONAL_AND:
            case CONDITIONAL_OR:
                return logical((BinaryTree) tree, nonNull);
            case LOGICAL_COMPLEMENT:
                Sql negated = condition(((UnaryTree) tree).getExpression(), nonNull);
                return bool("(" + negated.code() + ").not()");
            case UNARY_MINUS:
            case UNARY_PLUS:
                return unary((UnaryTree) tree, nonNull);
            case CONDITIONAL_EXPRESSION:
                return conditional((ConditionalExpressionTree) tree, nonNull);
            case METHOD_INVOCATION:
                return invocation((MethodInvocationTree) tree, nonNull);
            case TYPE_CAST:
                return cast((TypeCastTree) tree, nonNull);
            default:
                throw new Derivation.Untranslatable(tree, describe(tree) + " has no exact SQL translation");
        }
    }

    // ---- names and literals ----------------------------------------------------------------------

    private Sql name(String name, Tree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        for (Attribute attribute : model.attributes()) {
            if (attribute.name().equals(name)) {
                if (attribute.kind() != Attribute.Kind.COLUMN) {
                    throw new Derivation.Untranslatable(tree, "'" + name + "' is a relationship or composite, not a column");
                }
                return column(attribute, nonNull.contains(name));
            }
        }
        for (TypeElement type : model.chain()) {
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                if (field.getSimpleName().contentEquals(name) && field.getModifiers().contains(Modifier.STATIC)
                        && field.getConstantValue() != null) {
                    return literal(field.getConstantValue(), tree);
                }
            }
        }
        throw new Derivation.Untranslatable(tree, "'" + name + "' is not a mapped column or a constant of "
                + model.type().getSimpleName());
    }

    /** Guard facts about a parameter are kept under this prefix, apart from a field of the same name. */
    private static final String PARAMETER = "#";

    /** A parameter: a field of the metamodel method; null unless primitive or guarded. */
    private Sql parameter(String name, Parameter parameter, boolean guarded) throws Derivation.Untranslatable {
        TypeMirror type = parameter.type();
        boolean primitive = type.getKind().isPrimitive();
        Kind kind = kindOf(type);
        String field = DERIVED + ".parameter(" + parameter.code() + ")";
        String code = kind == Kind.BOOLEAN ? DERIVED + ".isTrue(" + field + ")" : field;
        return new Sql(code, kind, !primitive && !guarded, primitive, field, "parameter '" + name + "'");
    }

    private Sql column(Attribute attribute, boolean guarded) {
        TypeMirror type = attribute.type();
        boolean primitive = type.getKind().isPrimitive();
        Column column = attribute.field().getAnnotation(Column.class);
        boolean nullable = !primitive && !guarded && attribute.field().getAnnotation(Id.class) == null
                && (column == null || column.nullable());
        String ref = model.metamodelName() + "." + attribute.name();
        Kind kind = kindOf(type);
        String code = kind == Kind.BOOLEAN ? DERIVED + ".isTrue(" + ref + ")" : ref;
        return new Sql(code, kind, nullable, primitive, ref, "'" + attribute.name() + "'");
    }

    private static Kind kindOf(TypeMirror type) {
        switch (type.getKind()) {
            case INT:
                return Kind.INT;
            case LONG:
                return Kind.LONG;
            case BOOLEAN:
                return Kind.BOOLEAN;
            case DECLARED:
                String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
                return switch (name) {
                    case "java.lang.String" -> Kind.STRING;
                    case "java.lang.Integer" -> Kind.INT;
                    case "java.lang.Long" -> Kind.LONG;
                    case "java.lang.Boolean" -> Kind.BOOLEAN;
                    default -> Kind.OTHER;
                };
            default:
                return Kind.OTHER;
        }
    }

    private Sql literal(Object value, Tree tree) throws Derivation.Untranslatable {
        if (value instanceof Boolean b) {
            return bool(DSL + (b ? ".trueCondition()" : ".falseCondition()"));
        }
        String text = elements.getConstantExpression(value);
        if (value instanceof String) {
            return new Sql(DSL + ".inline(" + text + ")", Kind.STRING, false, false, null, text);
        }
        if (value instanceof Integer) {
            return new Sql(DSL + ".inline(" + text + ")", Kind.INT, false, true, null, text);
        }
        if (value instanceof Long) {
            return new Sql(DSL + ".inline(" + text + ")", Kind.LONG, false, true, null, text);
        }
        throw new Derivation.Untranslatable(tree, "the constant " + text + " is not a String, int, long or boolean");
    }

    // ---- operators -------------------------------------------------------------------------------

    private Sql arithmetic(BinaryTree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        Sql left = translate(tree.getLeftOperand(), nonNull);
        Sql right = translate(tree.getRightOperand(), nonNull);
        if (tree.getKind() == Tree.Kind.PLUS && (left.kind() == Kind.STRING || right.kind() == Kind.STRING)) {
            String code = DERIVED + ".concat(" + text(left, tree.getLeftOperand()) + ", "
                    + text(right, tree.getRightOperand()) + ")";
            return new Sql(code, Kind.STRING, false, false, null, "the concatenation");
        }
        left = number(left, tree.getLeftOperand());
        right = number(right, tree.getRightOperand());
        if (tree.getKind() == Tree.Kind.DIVIDE || tree.getKind() == Tree.Kind.REMAINDER) {
            Number divisor = constant(tree.getRightOperand());
            if (divisor == null || divisor.longValue() == 0) {
                throw new Derivation.Untranslatable(tree.getRightOperand(), "the divisor is not a non-zero constant:"
                        + " Java throws ArithmeticException on a zero divisor, which SQL does not reproduce"
                        + " (MariaDB gives NULL)");
            }
        }
        String op = switch (tree.getKind()) {
            case PLUS -> "plus";
            case MINUS -> "minus";
            case MULTIPLY -> "times";
            case DIVIDE -> "div";
            default -> "mod";
        };
        boolean isLong = left.kind() == Kind.LONG || right.kind() == Kind.LONG;
        if (isLong) {
            return new Sql(DERIVED + "." + op + "Long(" + widen(left).code() + ", " + widen(right).code() + ")",
                    Kind.LONG, false, true, null, "the arithmetic");
        }
        return new Sql(DERIVED + "." + op + "Int(" + left.code() + ", " + right.code() + ")", Kind.INT, false, true,
                null, "the arithmetic");
    }

    /** Java's string conversion of a concatenation operand. */
    private String text(Sql operand, Tree tree) throws Derivation.Untranslatable {
        return switch (operand.kind()) {
            case STRING -> operand.nullable() ? DERIVED + ".text(" + operand.code() + ", true)" : operand.code();
            case INT, LONG -> DERIVED + ".numberText(" + operand.code() + ", " + operand.nullable() + ")";
            case BOOLEAN -> DERIVED + ".booleanText(" + requireValue(operand, tree).code() + ")";
            case NULL -> DSL + ".inline(\"null\")";
            default -> throw new Derivation.Untranslatable(tree, operand.label() + " is of a type whose Java text"
                    + " (toString) SQL does not reproduce");
        };
    }

    private Sql comparison(BinaryTree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        Sql left = number(translate(tree.getLeftOperand(), nonNull), tree.getLeftOperand());
        Sql right = number(translate(tree.getRightOperand(), nonNull), tree.getRightOperand());
        String op = switch (tree.getKind()) {
            case LESS_THAN -> "lt";
            case LESS_THAN_EQUAL -> "le";
            case GREATER_THAN -> "gt";
            default -> "ge";
        };
        boolean isLong = left.kind() == Kind.LONG || right.kind() == Kind.LONG;
        Sql l = isLong ? widen(left) : left;
        Sql r = isLong ? widen(right) : right;
        return bool(l.code() + "." + op + "(" + r.code() + ")");
    }

    private Sql equality(BinaryTree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        boolean equal = tree.getKind() == Tree.Kind.EQUAL_TO;
        Sql left = translate(tree.getLeftOperand(), nonNull);
        Sql right = translate(tree.getRightOperand(), nonNull);
        if (left.kind() == Kind.NULL || right.kind() == Kind.NULL) {
            Sql other = left.kind() == Kind.NULL ? right : left;
            if (other.column() == null) {
                throw new Derivation.Untranslatable(tree, "only a mapped field can be compared with null");
            }
            return bool(other.column() + (equal ? ".isNull()" : ".isNotNull()"));
        }
        boolean numbers = isNumber(left) && isNumber(right);
        boolean booleans = left.kind() == Kind.BOOLEAN && right.kind() == Kind.BOOLEAN;
        if (!numbers && !booleans) {
            throw new Derivation.Untranslatable(tree, "'" + (equal ? "==" : "!=") + "' compares references here:"
                    + " use equals or Objects.equals");
        }
        if (!left.primitive() && !right.primitive()) {
            throw new Derivation.Untranslatable(tree, "both sides are boxed, so Java's '" + (equal ? "==" : "!=")
                    + "' compares references, not values: use equals, or unbox one side");
        }
        Sql l = requireValue(left, tree.getLeftOperand());
        Sql r = requireValue(right, tree.getRightOperand());
        if (booleans) {
            String same = DERIVED + ".same(" + l.code() + ", " + r.code() + ")";
            return bool(equal ? same : "(" + same + ").not()");
        }
        boolean isLong = l.kind() == Kind.LONG || r.kind() == Kind.LONG;
        l = isLong ? widen(l) : l;
        r = isLong ? widen(r) : r;
        return bool(l.code() + (equal ? ".eq(" : ".ne(") + r.code() + ")");
    }

    private Sql logical(BinaryTree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        boolean and = tree.getKind() == Tree.Kind.CONDITIONAL_AND;
        Sql left = condition(tree.getLeftOperand(), nonNull);
        // Java evaluates the right side only when the left is true (&&) or false (||): null guards hold there.
        Set<String> known = union(nonNull, Guards.nonNullWhen(tree.getLeftOperand(), and, this::columnName));
        Sql right = condition(tree.getRightOperand(), known);
        return bool("(" + left.code() + ")." + (and ? "and(" : "or(") + right.code() + ")");
    }

    private Sql unary(UnaryTree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        Sql operand = number(translate(tree.getExpression(), nonNull), tree.getExpression());
        if (tree.getKind() == Tree.Kind.UNARY_PLUS) {
            return new Sql(operand.code(), operand.kind(), false, true, null, operand.label());
        }
        String function = operand.kind() == Kind.LONG ? ".negLong(" : ".negInt(";
        return new Sql(DERIVED + function + operand.code() + ")", operand.kind(), false, true, null, "the negation");
    }

    private Sql conditional(ConditionalExpressionTree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        Sql test = condition(tree.getCondition(), nonNull);
        Sql yes = translate(tree.getTrueExpression(),
                union(nonNull, Guards.nonNullWhen(tree.getCondition(), true, this::columnName)));
        Sql no = translate(tree.getFalseExpression(),
                union(nonNull, Guards.nonNullWhen(tree.getCondition(), false, this::columnName)));
        String prefix = DERIVED + ".choose(" + test.code() + ", ";
        if (yes.kind() == Kind.BOOLEAN || no.kind() == Kind.BOOLEAN) {
            Sql a = requireValue(yes, tree.getTrueExpression());
            Sql b = requireValue(no, tree.getFalseExpression());
            if (a.kind() != Kind.BOOLEAN || b.kind() != Kind.BOOLEAN) {
                throw new Derivation.Untranslatable(tree, "the branches have different types");
            }
            return bool(prefix + a.code() + ", " + b.code() + ")");
        }
        if (yes.kind() == Kind.NULL || no.kind() == Kind.NULL) {
            Sql other = yes.kind() == Kind.NULL ? no : yes;
            if (other.kind() == Kind.NULL || other.kind() == Kind.OTHER) {
                throw new Derivation.Untranslatable(tree, "the branches have no type SQL can reproduce");
            }
            String nullCode = DSL + ".inline(null, " + javaClass(other.kind()) + ")";
            String a = yes.kind() == Kind.NULL ? nullCode : yes.code();
            String b = no.kind() == Kind.NULL ? nullCode : no.code();
            return new Sql(prefix + a + ", " + b + ")", other.kind(), true, false, null, "the conditional");
        }
        if (yes.kind() == Kind.STRING && no.kind() == Kind.STRING) {
            return new Sql(prefix + yes.code() + ", " + no.code() + ")", Kind.STRING,
                    yes.nullable() || no.nullable(), false, null, "the conditional");
        }
        if (isNumber(yes) && isNumber(no)) {
            if (!yes.primitive() && !no.primitive() && yes.kind() == no.kind()) {
                return new Sql(prefix + yes.code() + ", " + no.code() + ")", yes.kind(),
                        yes.nullable() || no.nullable(), false, null, "the conditional");
            }
            // Java unboxes both branches to their promoted primitive type.
            Sql a = requireValue(yes, tree.getTrueExpression());
            Sql b = requireValue(no, tree.getFalseExpression());
            boolean isLong = a.kind() == Kind.LONG || b.kind() == Kind.LONG;
            a = isLong ? widen(a) : a;
            b = isLong ? widen(b) : b;
            return new Sql(prefix + a.code() + ", " + b.code() + ")", a.kind(), false, true, null, "the conditional");
        }
        throw new Derivation.Untranslatable(tree, "the branches have types SQL cannot reproduce together");
    }

    private Sql invocation(MethodInvocationTree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        if (!(tree.getMethodSelect() instanceof MemberSelectTree select)) {
            throw new Derivation.Untranslatable(tree, "calling " + tree.getMethodSelect() + "() has no SQL translation;"
                    + " only equals, Objects.equals and isEmpty are translated");
        }
        String method = select.getIdentifier().toString();
        List<? extends ExpressionTree> arguments = tree.getArguments();
        if (isObjects(select.getExpression())) {
            if (method.equals("equals") && arguments.size() == 2) {
                return javaEquals(translate(arguments.get(0), nonNull), translate(arguments.get(1), nonNull), tree);
            }
        } else if (method.equals("equals") && arguments.size() == 1) {
            Sql receiver = translate(select.getExpression(), nonNull);
            notNull(receiver, select.getExpression(), "calling equals on it");
            return javaEquals(receiver, translate(arguments.get(0), nonNull), tree);
        } else if (method.equals("isEmpty") && arguments.isEmpty()) {
            Sql receiver = translate(select.getExpression(), nonNull);
            if (receiver.kind() == Kind.STRING) {
                notNull(receiver, select.getExpression(), "calling isEmpty on it");
                return bool(DERIVED + ".isEmpty(" + receiver.code() + ")");
            }
        }
        throw new Derivation.Untranslatable(tree, "calling " + method + "() has no SQL translation;"
                + " only equals, Objects.equals and String.isEmpty are translated");
    }

    private Sql javaEquals(Sql a, Sql b, Tree tree) throws Derivation.Untranslatable {
        if (a.kind() == Kind.NULL || b.kind() == Kind.NULL) {
            Sql other = a.kind() == Kind.NULL ? b : a;
            if (other.kind() == Kind.NULL) {
                return bool(DSL + ".trueCondition()");
            }
            if (other.column() == null) {
                throw new Derivation.Untranslatable(tree, "only a mapped field can be compared with null");
            }
            return bool(other.column() + ".isNull()");
        }
        if (a.kind() != b.kind() || !(a.kind() == Kind.STRING || isNumber(a))) {
            throw new Derivation.Untranslatable(tree, "equals compares " + a.label() + " and " + b.label()
                    + ", which are not both String, both Integer or both Long (Java's equals is false across types)");
        }
        return bool(DERIVED + ".javaEquals(" + a.code() + ", " + b.code() + ")");
    }

    private Sql cast(TypeCastTree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        if (!(tree.getType() instanceof PrimitiveTypeTree type)
                || (type.getPrimitiveTypeKind() != TypeKind.INT && type.getPrimitiveTypeKind() != TypeKind.LONG)) {
            throw new Derivation.Untranslatable(tree, "only casts to int and long are translated");
        }
        Sql value = number(translate(tree.getExpression(), nonNull), tree.getExpression());
        if (type.getPrimitiveTypeKind() == TypeKind.LONG) {
            return widen(value);
        }
        if (value.kind() == Kind.LONG) {
            return new Sql(DERIVED + ".toInt(" + value.code() + ")", Kind.INT, false, true, null, "the cast");
        }
        return value;
    }

    // ---- checks ----------------------------------------------------------------------------------

    /** An int or long value Java would unbox: it must not be null. */
    private Sql number(Sql sql, Tree tree) throws Derivation.Untranslatable {
        if (!isNumber(sql)) {
            throw new Derivation.Untranslatable(tree, sql.label() + " is not an int or long"
                    + (sql.kind() == Kind.OTHER ? " (arithmetic on other types is not translated)" : ""));
        }
        return requireValue(sql, tree);
    }

    private Sql condition(ExpressionTree tree, Set<String> nonNull) throws Derivation.Untranslatable {
        Sql sql = translate(tree, nonNull);
        if (sql.kind() != Kind.BOOLEAN) {
            throw new Derivation.Untranslatable(tree, sql.label() + " is not a boolean");
        }
        return requireValue(sql, tree);
    }

    /** A value Java unboxes (or dereferences) must not be null: Java would throw where SQL gives NULL. */
    static Sql requireValue(Sql sql, Tree tree) throws Derivation.Untranslatable {
        notNull(sql, tree, "unboxing it");
        return sql;
    }

    private static void notNull(Sql sql, Tree tree, String use) throws Derivation.Untranslatable {
        if (sql.kind() == Kind.NULL) {
            throw new Derivation.Untranslatable(tree, "null is used as a value");
        }
        if (sql.nullable()) {
            String guard = sql.column() != null ? " guard it ('" + sql.label().replace("'", "") + " != null && ...'),"
                    + " or map it primitive or @Column(nullable = false)," : "";
            throw new Derivation.Untranslatable(tree, sql.label() + " may be null here, and Java would throw"
                    + " NullPointerException " + use + " where SQL gives NULL:" + guard + " make it non-null first");
        }
    }

    static Sql widen(Sql sql) {
        if (sql.kind() != Kind.INT) {
            return sql;
        }
        return new Sql(DERIVED + ".toLong(" + sql.code() + ")", Kind.LONG, sql.nullable(), sql.primitive(), null,
                sql.label());
    }

    private static boolean isNumber(Sql sql) {
        return sql.kind() == Kind.INT || sql.kind() == Kind.LONG;
    }

    private static Sql bool(String code) {
        return new Sql(code, Kind.BOOLEAN, false, true, null, "the condition");
    }

    private static String javaClass(Kind kind) {
        return switch (kind) {
            case STRING -> "java.lang.String.class";
            case INT -> "java.lang.Integer.class";
            default -> "java.lang.Long.class";
        };
    }

    /** The value of an int or long constant expression, or {@code null}. */
    private Number constant(ExpressionTree tree) {
        switch (tree.getKind()) {
            case PARENTHESIZED:
                return constant(((ParenthesizedTree) tree).getExpression());
            case INT_LITERAL:
            case LONG_LITERAL:
                return (Number) ((LiteralTree) tree).getValue();
            case UNARY_MINUS:
                Number n = constant(((UnaryTree) tree).getExpression());
                return n == null ? null : -n.longValue();
            case IDENTIFIER:
                String name = ((IdentifierTree) tree).getName().toString();
                if (columnName(tree) != null) {
                    return null;
                }
                for (TypeElement type : model.chain()) {
                    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                        if (field.getSimpleName().contentEquals(name) && field.getConstantValue() instanceof Number value
                                && (value instanceof Integer || value instanceof Long)) {
                            return value;
                        }
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /** The mapped column a tree names ({@code x} or {@code this.x}), or {@code null}. */
    String columnName(ExpressionTree tree) {
        String name = null;
        if (tree instanceof IdentifierTree id) {
            name = id.getName().toString();
            if (parameters.containsKey(name)) {
                return PARAMETER + name;
            }
        } else if (tree instanceof MemberSelectTree select && isThis(select.getExpression())) {
            name = select.getIdentifier().toString();
        }
        for (Attribute attribute : model.attributes()) {
            if (attribute.name().equals(name) && attribute.kind() == Attribute.Kind.COLUMN) {
                return name;
            }
        }
        return null;
    }

    private static boolean isThis(ExpressionTree tree) {
        return tree instanceof IdentifierTree id && id.getName().contentEquals("this");
    }

    private static boolean isObjects(ExpressionTree tree) {
        String text = tree.toString();
        return text.equals("Objects") || text.equals("java.util.Objects");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String describe(Tree tree) {
        return "'" + tree + "' (" + tree.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
    }
}
