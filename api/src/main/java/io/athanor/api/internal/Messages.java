package io.athanor.api.internal;

import io.athanor.metamodel.RelationshipAttribute;

/**
 * Every message the api module raises, each written once: {@code ATHANOR-00nn} for the API's own arguments,
 * and {@code ATHANOR-4nnn} where building a statement is refused (core's messages use the rest of that range,
 * never the same id). Ids are never reused. Not public API.
 */
public final class Messages {
    private Messages() {
    }

    // ---- 00xx arguments --------------------------------------------------------------------------

    public static String keyWithoutValues() {
        return "ATHANOR-0001: Key.of() needs at least one value";
    }

    public static String noEngine() {
        return "ATHANOR-0002: no Athanor engine on the class path: "
                + "add the dependency io.athanor:athanor-core next to athanor-api";
    }

    public static String emptyText() {
        return "ATHANOR-0003: text() needs a non-empty SQL string";
    }

    public static String negativeLimit(int n) {
        return "ATHANOR-0004: limit must not be negative, got " + n;
    }

    public static String negativeOffset(int n) {
        return "ATHANOR-0005: offset must not be negative, got " + n;
    }

    public static String notSelectable(Object o) {
        return "ATHANOR-0006: select() takes mapped classes and columns, got "
                + (o == null ? "null" : o.getClass().getName());
    }

    public static String nullListener() {
        return "ATHANOR-0007: AttributeListeners.register(null)";
    }

    // ---- 4xxx statements -------------------------------------------------------------------------

    /** 4060 was 4001 until that id was split; core's getOne() kept 4001. */
    public static String cannotChain(RelationshipAttribute<?, ?> next, RelationshipAttribute<?, ?> last) {
        return "ATHANOR-4060: can't chain " + next + " after " + last + ": it is a "
                + "relationship of " + next.owner().getSimpleName() + ", but " + last + " leads to "
                + last.target().getSimpleName();
    }
}
