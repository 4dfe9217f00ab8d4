package io.athanor.ext.mutable;

/** Every message of the mutation tracking extension, each with its id (ATHANOR-9nnn). Ids are never reused. */
final class Messages {
    private Messages() {
    }

    static String cannotCoerce(String key, Object value, Class<?> mutableType) {
        return "ATHANOR-9001: attribute '" + key + "' does not accept objects of type " + value.getClass().getName()
                + ": " + mutableType.getSimpleName() + ".coerce converts "
                + (MutableDict.class == mutableType ? "a Map" : MutableList.class == mutableType ? "a List"
                        : MutableSet.class == mutableType ? "a Set" : "only values that already are " + mutableType.getName());
    }

    static String coercedWrongType(Class<?> mapped, String attribute, Class<?> mutableType, Object result) {
        return "ATHANOR-9002: " + mutableType.getName() + ".coerce returned " + (result == null ? "null"
                : "a " + result.getClass().getName()) + " for " + mapped.getName() + "." + attribute
                + ": it must return a " + mutableType.getSimpleName() + " for a non-null value";
    }

    static String refused(Class<?> mapped, String attribute, String why) {
        return why + " (assigned to " + mapped.getName() + "." + attribute + ")";
    }

    static String notAMutable(Class<?> type) {
        return "ATHANOR-9003: " + type.getName() + " is not a subclass of io.athanor.ext.mutable.Mutable: @AsMutable, "
                + "associateWith and asMutable take Mutable types";
    }

    static String badCoerceMethod(Class<?> type, String why) {
        return "ATHANOR-9004: " + type.getName() + ".coerce(String, Object) cannot be called (" + why + "): declare it "
                + "public static";
    }

    static String asMutableOnWrongField(Class<?> mapped, String attribute, String declared, Class<?> mutableType) {
        return "ATHANOR-9005: " + mapped.getName() + "." + attribute + " is declared " + declared + ", which cannot hold "
                + "a " + mutableType.getName() + ": declare the field as " + mutableType.getSimpleName()
                + " or as an interface it implements";
    }

    static String noSuchAttribute(Class<?> mapped, String attribute) {
        return "ATHANOR-9006: associateWithAttribute(" + (mapped == null ? "null" : mapped.getName()) + ", " + attribute
                + "): the class declares no such field (nor does a superclass): name a mapped attribute of it";
    }
}
