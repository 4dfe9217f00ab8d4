package io.athanor.ext.associationproxy;

import io.athanor.core.spi.MappedAttributes;
import io.athanor.core.spi.MappedAttributes.Column;
import io.athanor.core.spi.MappedAttributes.Relation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds a proxy's relationship and endpoint by name in a mapped class, with clear errors. */
final class Resolver {
    private Resolver() {
    }

    static Relation relationship(String proxy, Class<?> mapped, String name) {
        return MappedAttributes.relationship(mapped, name).orElseThrow(() -> new io.athanor.InvalidRequestException(
                Messages.noSuchRelationship(proxy, mapped, name, MappedAttributes.attributeNames(mapped))));
    }

    /** The column or relationship {@code name} of {@code type}, checked against the declared Java type. */
    static Endpoint endpoint(String proxy, String role, Class<?> type, String name, Class<?> declared) {
        Optional<Column> column = MappedAttributes.column(type, name);
        if (column.isPresent()) {
            check(proxy, role, type, name, box(column.get().javaType()), declared);
            return new Endpoint.OfColumn(column.get());
        }
        Optional<Relation> relation = MappedAttributes.relationship(type, name);
        if (relation.isPresent()) {
            Relation r = relation.get();
            check(proxy, role, type, name, !r.collection() ? r.target() : r.set() ? Set.class : List.class, declared);
            return new Endpoint.OfRelation(r);
        }
        Endpoint property = Properties.of(proxy, role, type, name, declared);
        if (property != null) {
            return property;
        }
        throw new io.athanor.InvalidRequestException(
                Messages.noSuchValue(proxy, type, name, MappedAttributes.attributeNames(type)));
    }

    static void check(String proxy, String role, Class<?> type, String name, Class<?> actual,
                              Class<?> declared) {
        if (!box(declared).isAssignableFrom(actual)) {
            throw new io.athanor.InvalidRequestException(
                    Messages.valueType(proxy, role, type, name, actual, declared));
        }
    }

    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
