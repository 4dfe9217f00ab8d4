package io.athanor.processor;

/**
 * The processor's messages about hybrids ({@code ATHANOR-71nn}; the hybrid module's run-time
 * messages are {@code ATHANOR-70nn}). Ids are never reused.
 */
final class Messages {
    private Messages() {
    }

    static String badHybridProperty(String owner, String method) {
        return "ATHANOR-7101: @HybridProperty " + owner + "." + method + " must be an instance getter: not static,"
                + " no parameters, not void";
    }

    static String badHybridMethod(String owner, String method) {
        return "ATHANOR-7102: @HybridMethod " + owner + "." + method + " must be an instance method that returns a value";
    }

    static String unknownHybrid(String owner, String method, String name) {
        return "ATHANOR-7103: @HybridExpression(\"" + name + "\") on " + owner + "." + method + " names no hybrid:"
                + " no @HybridProperty getter or @HybridMethod named '" + name + "' in its class or superclasses";
    }

    static String duplicateExpression(String owner, String name) {
        return "ATHANOR-7104: " + owner + " declares more than one @HybridExpression(\"" + name + "\")";
    }

    static String expressionNotStatic(String owner, String method) {
        return "ATHANOR-7105: @HybridExpression method " + owner + "." + method + " must be static (it builds SQL"
                + " without an instance) and not private";
    }

    static String nameTaken(String mapped, String name) {
        return "ATHANOR-7106: hybrid '" + name + "' of " + mapped + " has the name of a mapped column or of the"
                + " TABLE constant; the metamodel cannot hold both: rename the getter";
    }

    static String needsColumns(String mapped, String declaring, String name) {
        return "ATHANOR-7107: hybrid '" + name + "' is declared in " + declaring + " and inherited by " + mapped
                + ", but its @HybridExpression method takes no Columns, so it can only describe one table:"
                + " add a first parameter io.athanor.ext.hybrid.Columns and read the columns from it";
    }

    static String badReturn(String owner, String method, String kind) {
        return "ATHANOR-7108: @HybridExpression method " + owner + "." + method + " must return a jOOQ Field or"
                + " Condition" + ("property".equals(kind) ? ", or an io.athanor.ext.hybrid.Compared" : "");
    }

    static String badParameters(String owner, String method, String name, int expected) {
        return "ATHANOR-7109: @HybridExpression method " + owner + "." + method + " must take "
                + (expected == 0 ? "no arguments" : expected + " argument(s), one per parameter of " + name + "(...)")
                + " (after an optional first Columns)";
    }

    static String inaccessible(String owner, String method, String metamodel) {
        return "ATHANOR-7110: @HybridExpression method " + owner + "." + method + " is not accessible from the"
                + " generated " + metamodel + ": make it (and its class) public";
    }

    static String cannotDerive(String owner, String name, String reason, String annotation) {
        return "ATHANOR-7111: cannot derive SQL for hybrid " + owner + "." + name + ": " + reason
                + "; write a static @HybridExpression(\"" + name + "\") method, or set " + annotation + "(derive = false)"
                + " to keep it Java-only";
    }

    static String bodyUnavailable(String owner, String name) {
        return "ATHANOR-7112: the body of hybrid " + owner + "." + name + " is not available to the processor (a"
                + " compiled class, or a compiler without the javac Tree API), so no SQL is derived and the metamodel"
                + " does not expose it: give it a @HybridExpression(\"" + name + "\") method";
    }
}
