package io.athanor.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * Exposes a mapped class's association proxies in its metamodel: a public static final
 * {@code AssociationProxy}/{@code MapProxy} constant {@code KEYWORDS} of {@code User} becomes
 * {@code User_.keywords}, so queries read {@code User_.keywords.any(...)}. Recognised by name, so the
 * processor needs no dependency on the association-proxy module.
 */
final class ProxyMembers {
    private static final Set<String> PROXY_TYPES = Set.of("io.athanor.ext.associationproxy.AssociationProxy",
            "io.athanor.ext.associationproxy.MapProxy");

    private ProxyMembers() {
    }

    static List<String> render(MappedClass model, TypeNames names, Set<String> taken) {
        List<String> members = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(model.type().getEnclosedElements())) {
            Set<Modifier> modifiers = field.getModifiers();
            if (!modifiers.containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL))
                    || field.asType().getKind() != TypeKind.DECLARED) {
                continue;
            }
            TypeElement type = (TypeElement) ((DeclaredType) field.asType()).asElement();
            if (!PROXY_TYPES.contains(type.getQualifiedName().toString())) {
                continue;
            }
            String alias = camelCase(field.getSimpleName().toString());
            if (!taken.add(alias)) {
                continue;
            }
            members.add("    /** The association proxy {@link " + names.rawClass(model.type().asType()) + "#"
                    + field.getSimpleName() + "}. */\n    public static final " + names.attributeType(field.asType())
                    + " " + alias + " = " + names.rawClass(model.type().asType()) + "." + field.getSimpleName()
                    + ";\n");
        }
        return members;
    }

    /** {@code KEYWORDS} becomes {@code keywords}, {@code BY_NOTE} becomes {@code byNote}; camelCase stays. */
    static String camelCase(String name) {
        if (!name.equals(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
