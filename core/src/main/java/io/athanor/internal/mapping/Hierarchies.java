package io.athanor.internal.mapping;

import io.athanor.internal.messages.MappingMessages;
import io.athanor.mapping.Discriminator;
import io.athanor.mapping.PolymorphicIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Links the mappers of a registry into class hierarchies (a mapped class extending a mapped class)
 * and checks them as a whole, as SQLAlchemy configures inheriting mappers: each subclass's parent is
 * in the registry, a hierarchy with subclasses has a discriminator, identities are unique, abstract
 * classes have concrete subclasses. Reports every problem to the given list.
 */
final class Hierarchies {
    private final Map<Class<?>, Mapper> byClass;
    private final List<String> problems;

    Hierarchies(Map<Class<?>, Mapper> byClass, List<String> problems) {
        this.byClass = byClass;
        this.problems = problems;
    }

    void link() {
        for (Mapper m : byClass.values()) {
            Class<?> parentType = MapperFactory.mappedSuperclass(m.type());
            if (parentType == null) {
                continue;
            }
            Mapper parent = byClass.get(parentType);
            if (parent == null) {
                problems.add(MappingMessages.superclassNotInRegistry(m.type(), parentType));
                continue;
            }
            m.parent = parent;
            parent.children.add(m);
        }
        for (Mapper m : byClass.values()) {
            Mapper root = m;
            while (root.parent != null) {
                root = root.parent;
            }
            m.root = root;
        }
        for (Mapper m : byClass.values()) {
            if (m.root == m) {
                configure(m);
            }
        }
        for (Mapper m : byClass.values()) {
            m.parts = parts(m);
        }
    }

    /**
     * The tables of a class's rows, base first: each a mapper of that table's columns, a subclass
     * table's beginning with its copy of the base's key, which references the table of the level above.
     */
    private static List<Mapper> parts(Mapper m) {
        List<String> tables = new ArrayList<>();
        for (ColumnModel c : m.columns()) {
            if (!tables.contains(c.table())) {
                tables.add(c.table());
            }
        }
        if (tables.size() <= 1) {
            return List.of(m);
        }
        List<Mapper> parts = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            String table = tables.get(i);
            List<ColumnModel> columns = new ArrayList<>();
            if (i > 0) {
                for (ColumnModel k : m.primaryKey()) {
                    columns.add(k.copyFor(table, true, new ForeignKeyModel(tables.get(i - 1), k.columnName(), "")));
                }
            }
            Map<String, ColumnModel> byField = new LinkedHashMap<>();
            for (ColumnModel c : m.columns()) {
                if (c.table().equals(table)) {
                    ColumnModel copy = c.copyFor(table, false, null);
                    columns.add(copy);
                    byField.put(c.fieldName(), copy);
                }
            }
            parts.add(new Mapper(m.type(), table, columns, m.fieldNames, byField, null, List.of()));
        }
        return List.copyOf(parts);
    }

    /** Discriminator, identities and the identities each class selects, for the hierarchy based at {@code root}. */
    private void configure(Mapper root) {
        List<Mapper> members = new ArrayList<>();
        collect(root, members);
        String discriminatorField = discriminatorField(root);
        if (discriminatorField == null) {
            if (!root.children.isEmpty()) {
                problems.add(MappingMessages.missingDiscriminator(root.type(), root.children.stream()
                        .map(c -> c.type().getSimpleName()).collect(Collectors.joining(", "))));
            }
            for (Mapper m : members) {
                PolymorphicIdentity declared = m.type().getAnnotation(PolymorphicIdentity.class);
                if (declared != null) {
                    problems.add(MappingMessages.identityWithoutDiscriminator(m.type(), declared.value()));
                }
            }
            return;
        }
        Map<String, Mapper> byIdentity = new LinkedHashMap<>();
        for (Mapper m : members) {
            m.discriminator = m.column(discriminatorField);
            PolymorphicIdentity declared = m.type().getAnnotation(PolymorphicIdentity.class);
            if (m.abstractClass) {
                if (declared != null) {
                    problems.add(MappingMessages.abstractWithIdentity(m.type(), declared.value()));
                }
                if (concreteBelow(m).isEmpty()) {
                    problems.add(MappingMessages.abstractWithoutSubclass(m.type()));
                }
                continue;
            }
            String value = declared != null ? declared.value() : m.type().getSimpleName();
            Mapper other = byIdentity.putIfAbsent(value, m);
            if (other != null) {
                problems.add(MappingMessages.duplicateIdentity(value, other.type(), m.type()));
            }
            m.identityValue = value;
        }
        root.byIdentity = java.util.Collections.unmodifiableMap(byIdentity); // in hierarchy order, for messages
        for (Mapper m : members) {
            m.selectedIdentities = concreteBelow(m).stream().map(c -> c.identityValue).toList();
        }
    }

    private static void collect(Mapper m, List<Mapper> out) {
        out.add(m);
        for (Mapper c : m.children) {
            collect(c, out);
        }
    }

    /** The concrete classes among {@code m} and its subclasses. */
    private static List<Mapper> concreteBelow(Mapper m) {
        List<Mapper> all = new ArrayList<>();
        collect(m, all);
        return all.stream().filter(x -> !x.abstractClass).toList();
    }

    private static String discriminatorField(Mapper root) {
        for (Class<?> c = root.type(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Discriminator.class)) {
                    return f.getName();
                }
            }
        }
        return null;
    }
}
