package io.athanor.ext.hybrid;

import java.util.Collection;

/**
 * Every message of the hybrid extension, in one place. Each starts with its id
 * ({@code ATHANOR-70nn}); the metamodel processor's hybrid messages are {@code ATHANOR-71nn}. Ids
 * are never reused.
 */
final class Messages {
    private Messages() {
    }

    static String noSuchHybrid(Class<?> entity, String name) {
        return "ATHANOR-7001: " + entity.getName() + " has no hybrid named '" + name + "': annotate a getter with"
                + " @HybridProperty or a method with @HybridMethod";
    }

    static String noExpression(Class<?> entity, String name, String kind) {
        return "ATHANOR-7002: hybrid " + kind + " " + entity.getName() + "." + name + " has no SQL expression: add a"
                + " static method annotated @HybridExpression(\"" + name + "\") that returns it as a jOOQ Field or"
                + " Condition" + ("property".equals(kind)
                        ? " (or let the processor derive it: a getter whose body is one return statement, without"
                                + " derive = false)"
                        : "");
    }

    static String noMetamodel(Class<?> entity, String metamodel) {
        return "ATHANOR-7003: the metamodel " + metamodel + " of " + entity.getName() + " was not found: compile "
                + entity.getSimpleName() + " with athanor-processor on the annotation processor path";
    }

    static String noSuchColumn(Class<?> entity, String attribute, Collection<String> known) {
        return "ATHANOR-7004: " + entity.getName() + " maps no column '" + attribute + "' for a hybrid expression;"
                + " its columns are " + known;
    }

    static String columnType(Class<?> entity, String attribute, Class<?> actual, Class<?> asked) {
        return "ATHANOR-7005: column '" + attribute + "' of " + entity.getName() + " is a " + actual.getName()
                + ", not a " + asked.getName() + ": ask Columns.get for " + actual.getSimpleName() + ".class";
    }

    static String noMatchingCall(Class<?> entity, String name, int arguments) {
        return "ATHANOR-7006: hybrid method " + entity.getName() + "." + name + " takes no " + arguments
                + " argument(s) of these types: pass jOOQ Fields or plain values as its @HybridExpression declares";
    }

    static String comparedUnbound() {
        return "ATHANOR-7007: this Compared is not bound to a hybrid yet: use the metamodel's attribute"
                + " (User_.name.field()), or the expression itself, for select lists";
    }

    static String notCompared(Class<?> entity, String name) {
        return "ATHANOR-7009: hybrid property " + entity.getName() + "." + name + " has no comparator of its own:"
                + " use Hybrids.expression, whose field compares with jOOQ's operators";
    }

    static String metamodelFailed(String metamodel, Throwable cause) {
        return "ATHANOR-7008: reading the metamodel " + metamodel + " failed: " + cause;
    }

    static String notAssignable(Class<?> entity, String name) {
        return "ATHANOR-7010: hybrid " + entity.getName() + "." + name + " is not a column, so update(...).set(...)"
                + " cannot assign it: add a static method annotated @HybridUpdateExpression(\"" + name + "\") that"
                + " returns the columns to set for a value (SQLAlchemy's update_expression)";
    }

    static String badUpdateExpression(java.lang.reflect.Method method) {
        return "ATHANOR-7011: @HybridUpdateExpression method " + method.getDeclaringClass().getName() + "."
                + method.getName() + " must be static, take an optional Columns and then the value (a Field<T> or a"
                + " plain type), and return a Map<Field<?>, Object> or a List<Map.Entry<Field<?>, Object>>";
    }

    static String updateExpressionTakesValue(Class<?> entity, String name, java.lang.reflect.Method method) {
        return "ATHANOR-7012: the update expression " + method.getName() + " of hybrid " + entity.getName() + "."
                + name + " takes a plain " + method.getParameterTypes()[method.getParameterCount() - 1].getSimpleName()
                + ", not a SQL expression: pass a value, or declare its parameter as a Field";
    }
}
