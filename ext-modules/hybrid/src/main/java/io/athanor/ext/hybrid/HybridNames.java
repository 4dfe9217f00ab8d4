package io.athanor.ext.hybrid;

/** The naming rules the metamodel processor applies too: hybrid names and metamodel class names. */
final class HybridNames {
    private HybridNames() {
    }

    /** {@code getFullName} and {@code fullName} give {@code fullName}; {@code isActive} (boolean) gives {@code active}. */
    static String propertyName(String method, Class<?> returnType) {
        String rest = null;
        if (method.length() > 3 && method.startsWith("get") && Character.isUpperCase(method.charAt(3))) {
            rest = method.substring(3);
        } else if (method.length() > 2 && method.startsWith("is") && Character.isUpperCase(method.charAt(2))
                && (returnType == boolean.class || returnType == Boolean.class)) {
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

    /** {@code p.User_} for {@code p.User}, {@code p.Outer_Inner_} for {@code p.Outer.Inner}. */
    static String metamodelName(Class<?> entity) {
        return entity.getName().replace('$', '_') + "_";
    }

    /** The wrapper of a primitive, any other class itself. */
    static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? box(type) : type;
    }

    static Class<?> box(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }
}
