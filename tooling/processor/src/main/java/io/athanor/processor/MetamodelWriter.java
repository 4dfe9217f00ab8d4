package io.athanor.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Renders the source of a metamodel class. {@code TABLE} is emitted unless a persistent field is
 * itself named {@code TABLE}; then that attribute's {@code table()} gives the table name.
 */
final class MetamodelWriter {
    static final String COLUMN_ATTRIBUTE = "io.athanor.metamodel.ColumnAttribute";
    static final String RELATIONSHIP_ATTRIBUTE = "io.athanor.metamodel.RelationshipAttribute";
    static final String GENERATED = "javax.annotation.processing.Generated";
    static final String TABLE_CONSTANT = "TABLE";

    private final Elements elements;
    private final Types types;
    private final HybridWriter hybrids;

    MetamodelWriter(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.hybrids = new HybridWriter(elements);
    }

    /** The complete compilation unit for {@code model}. */
    String write(MappedClass model) {
        String pkg = model.packageName();
        Set<String> imports = new LinkedHashSet<>();
        List<String> candidates = new ArrayList<>(List.of(COLUMN_ATTRIBUTE, GENERATED));
        if (model.attributes().stream().anyMatch(a -> a.kind() == Attribute.Kind.RELATIONSHIP)) {
            candidates.add(1, RELATIONSHIP_ATTRIBUTE);
        }
        for (String candidate : candidates) {
            if (!TypeNames.declaredIn(elements, pkg, simpleName(candidate))) {
                imports.add(candidate);
            }
        }
        TypeNames names = new TypeNames(elements, types, pkg, imports);

        List<String> members = new ArrayList<>();
        boolean unchecked = false;
        if (model.attributes().stream().noneMatch(a -> a.name().equals(TABLE_CONSTANT))) {
            members.add("    /** The table name. */\n    public static final " + names.name("java.lang.String") + " "
                    + TABLE_CONSTANT + " = " + literal(model.table()) + ";\n");
        }
        for (Attribute attribute : model.attributes()) {
            switch (attribute.kind()) {
                case COLUMN:
                    String type = names.attributeType(attribute.type());
                    String raw = names.rawClass(attribute.type());
                    unchecked |= !type.equals(raw);
                    members.add(column(model, attribute, names, type, raw));
                    break;
                case RELATIONSHIP:
                    members.add(new RelationshipMember(types, elements, names).render(model, attribute));
                    break;
                case COMPOSITE:
                default:
                    // Extension point: composite attributes are not generated yet.
                    break;
            }
        }
        members.addAll(hybrids.members(model, names));
        unchecked |= hybrids.unchecked();
        java.util.Set<String> taken = new java.util.HashSet<>();
        model.attributes().forEach(a -> taken.add(a.name()));
        members.addAll(ProxyMembers.render(model, names, taken));

        StringBuilder out = new StringBuilder();
        if (!pkg.isEmpty()) {
            out.append("package ").append(pkg).append(";\n\n");
        }
        imports.forEach(i -> out.append("import ").append(i).append(";\n"));
        out.append("\n/** Static metamodel of {@link ").append(names.name(model.type()))
                .append("}, mapped to table {@code ").append(javadocSafe(model.table())).append("}. */\n");
        out.append('@').append(names.name(GENERATED)).append("(\"").append(MetamodelProcessor.class.getName()).append("\")\n");
        if (unchecked) {
            out.append('@').append(names.name("java.lang.SuppressWarnings")).append("(\"unchecked\")\n");
        }
        out.append("public final class ").append(model.metamodelName()).append(" {\n");
        members.forEach(m -> out.append(m).append('\n'));
        out.append("    private ").append(model.metamodelName()).append("() {\n    }\n}\n");
        return out.toString();
    }

    private String column(MappedClass model, Attribute attribute, TypeNames names, String type, String raw) {
        String columnAttribute = names.name(COLUMN_ATTRIBUTE);
        String classType = names.name("java.lang.Class");
        String javaType = type.equals(raw)
                ? raw + ".class"
                : "(" + classType + "<" + type + ">) (" + classType + "<?>) " + raw + ".class";
        return "    public static final " + columnAttribute + "<" + type + "> " + attribute.name()
                + " = new " + columnAttribute + "<>(" + names.name(model.type()) + ".class, "
                + literal(attribute.name()) + ", " + literal(tableOf(model, attribute)) + ", " + literal(attribute.column())
                + ", " + javaType + ");\n";
    }

    /**
     * The table holding an attribute's column: that of the nearest mapped class at or below the class
     * declaring the field (in a joined-table hierarchy, an inherited attribute lives in a parent's table).
     */
    private static String tableOf(MappedClass model, Attribute attribute) {
        List<javax.lang.model.element.TypeElement> chain = model.chain();
        int at = chain.indexOf(attribute.field().getEnclosingElement());
        for (int i = Math.max(0, at); i < chain.size(); i++) {
            if (chain.get(i).getAnnotation(io.athanor.mapping.Mapped.class) != null) {
                return levelTable(chain, i);
            }
        }
        return model.table();
    }

    private static String levelTable(List<javax.lang.model.element.TypeElement> chain, int level) {
        String own = chain.get(level).getAnnotation(io.athanor.mapping.Mapped.class).table();
        if (!own.isEmpty()) {
            return own;
        }
        for (int i = level - 1; i >= 0; i--) {
            if (chain.get(i).getAnnotation(io.athanor.mapping.Mapped.class) != null) {
                return levelTable(chain, i);
            }
        }
        return io.athanor.api.internal.Names.snakeCase(chain.get(level).getSimpleName().toString());
    }

    private String literal(String value) {
        return elements.getConstantExpression(value).toString();
    }

    private static String javadocSafe(String text) {
        return text.replace("*/", "*&#47;").replace("@", "&#64;").replace("}", "&#125;");
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
