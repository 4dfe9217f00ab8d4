package io.athanor.ext.associationproxy;

import java.util.List;

/**
 * Every message of the association proxy extension, in one place. Each starts with its id
 * ({@code ATHANOR-80nn}); ids are never reused.
 */
final class Messages {
    private Messages() {
    }

    static String nullArgument(String name) {
        return "ATHANOR-8000: AssociationProxy." + name + " must not be null";
    }

    static String noSuchRelationship(String proxy, Class<?> owner, String name, List<String> known) {
        return "ATHANOR-8001: " + proxy + ": " + owner.getName() + " has no relationship '" + name
                + "' to proxy across; its mapped attributes are " + known;
    }

    static String noCreator(String proxy, Class<?> intermediate, Object value, String constructor) {
        return "ATHANOR-8002: " + proxy + " has no creator, and writing " + value + " needs a new "
                + intermediate.getSimpleName() + ", which has no constructor " + intermediate.getSimpleName() + "("
                + constructor + ") to make it by default: declare one with .creator(value -> new "
                + intermediate.getSimpleName() + "(...)) (for a map proxy .creator((key, value) -> ...)),"
                + " or add the " + intermediate.getSimpleName() + " to the relationship yourself";
    }

    static String noSuchValue(String proxy, Class<?> intermediate, String name, List<String> known) {
        return "ATHANOR-8003: " + proxy + ": " + intermediate.getName() + " maps no column or relationship '" + name
                + "' to proxy to; its mapped attributes are " + known;
    }

    static String valueType(String proxy, String role, Class<?> intermediate, String name, Class<?> actual,
                            Class<?> declared) {
        return "ATHANOR-8004: " + proxy + ": the " + role + " attribute " + intermediate.getSimpleName() + "." + name
                + " holds " + actual.getName() + ", which is not a " + declared.getName() + ": declare the proxy with "
                + actual.getSimpleName() + ".class";
    }

    static String wrongView(String proxy, String asked, String actual) {
        return "ATHANOR-8005: " + proxy + " proxies " + actual + ", so " + asked + " does not apply to it";
    }

    static String anyOnScalar(String proxy) {
        return "ATHANOR-8006: " + proxy + ": any() is not implemented for scalar attributes: use has()";
    }

    static String hasOnCollection(String proxy) {
        return "ATHANOR-8007: " + proxy + ": has() is not implemented for collections: use any()";
    }

    static String hasOnColumn(String proxy) {
        return "ATHANOR-8008: " + proxy + ": a non-empty has() is not allowed for a column-targeted association"
                + " proxy: use eq(value)";
    }

    static String containsOnScalarObject(String proxy) {
        return "ATHANOR-8009: " + proxy + ": contains() does not apply to a scalar object endpoint: use eq(value)";
    }

    static String mixinQuery(String proxy, Class<?> owner) {
        return "ATHANOR-8010: " + proxy + " is declared on " + owner.getName() + ", which no Registry maps: name the"
                + " mapped class a query is about with forClass(Subclass.class).any(...)";
    }

    static String innerOwner(String proxy, Class<?> innerOwner, Class<?> intermediate) {
        return "ATHANOR-8011: " + proxy + " proxies to a proxy declared on " + innerOwner.getName()
                + ", but the relationship leads to " + intermediate.getName() + ", which does not extend it";
    }

    static String noIdentity(String proxy, Object value) {
        return "ATHANOR-8012: " + proxy + ": " + value + " has no primary key yet, so a query cannot compare with it:"
                + " flush it first";
    }

    static String notSubclass(String proxy, Class<?> owner, Class<?> asked) {
        return "ATHANOR-8013: " + proxy + ".forClass(" + asked.getName() + "): it does not extend " + owner.getName();
    }

    static String selfReferential(String proxy, String relationship) {
        return "ATHANOR-8014: " + proxy + ": the relationship " + relationship + " joins a table to itself, which a"
                + " proxy query cannot correlate without aliases; write that EXISTS by hand";
    }

    static String notEntity(String proxy, Object value) {
        return "ATHANOR-8015: " + proxy + ": " + (value == null ? "null" : value.getClass().getName())
                + " is not an enhanced mapped instance";
    }

    static String collectionEquality(String proxy) {
        return "ATHANOR-8016: " + proxy + ": eq() compares a scalar endpoint; this proxy reaches a collection of"
                + " objects: use contains(value)";
    }

    static String nullOwner(String proxy) {
        return "ATHANOR-8017: " + proxy + ": the owner instance is null";
    }

    static String noSort(String proxy) {
        return "ATHANOR-8018: " + proxy + ": a list proxy cannot be sorted in place (SQLAlchemy's sort() is not"
                + " implemented either): sort a copy, or reorder the relationship collection itself";
    }

    static String exclusiveScalarOptions(String proxy) {
        return "ATHANOR-8019: " + proxy + ": createOnNoneAssignment() and cascadeScalarDeletes() are mutually"
                + " exclusive (as in SQLAlchemy): assigning null cannot both create the intermediate object and drop it";
    }

    static String notColumnTargeted(String proxy, String operation) {
        return "ATHANOR-8020: " + proxy + ": " + operation + " compares a column, and this proxy does not reach a mapped"
                + " column: use any(criterion) or has(criterion) with the related class's metamodel";
    }

    static String readOnlyProperty(String property, Class<?> type) {
        return "ATHANOR-8021: the proxied property " + property + " has no setter on " + type.getName()
                + ": add a public setter, or give one with getset(type, getter, setter)";
    }

    static String unmappedInQuery(String proxy, String property) {
        return "ATHANOR-8022: " + proxy + " proxies the plain property " + property + ", which is not a mapped"
                + " column or relationship, so it has no SQL: query the mapped attributes it is computed from"
                + " with any(criterion) or has(criterion)";
    }

    static String getsetType(String proxy, Class<?> declared, Class<?> intermediate) {
        return "ATHANOR-8023: " + proxy + ": getset(" + declared.getSimpleName() + ".class, ...) does not fit the"
                + " relationship, which leads to " + intermediate.getName() + ": declare it for "
                + intermediate.getSimpleName() + ".class or a supertype";
    }
}
