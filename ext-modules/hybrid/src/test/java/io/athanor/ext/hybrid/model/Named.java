package io.athanor.ext.hybrid.model;

import io.athanor.ext.hybrid.Columns;
import io.athanor.ext.hybrid.HybridExpression;
import io.athanor.ext.hybrid.HybridProperty;
import io.athanor.ext.hybrid.HybridUpdateExpression;
import io.athanor.mapping.Mixin;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** A mixin with hybrids: every mapped subclass gets them over its own table. */
@Mixin
public abstract class Named {
    public String first;
    public String last;

    /** Derived: Java's concatenation writes "null" for a null name, and so does the SQL. */
    @HybridProperty
    public String getFullName() {
        return first + " " + last;
    }

    /** The writable side: assigns both mapped fields. */
    public void setFullName(String fullName) {
        int space = fullName.indexOf(' ');
        first = space < 0 ? fullName : fullName.substring(0, space);
        last = space < 0 ? null : fullName.substring(space + 1);
    }

    /** What update(...).set(fullName, "First Last") sets: both columns, split as the setter splits. */
    @HybridUpdateExpression("fullName")
    public static Map<Field<?>, Object> fullNameUpdate(Columns columns, String fullName) {
        int space = fullName.indexOf(' ');
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(columns.get("first", String.class), space < 0 ? fullName : fullName.substring(0, space));
        set.put(columns.get("last", String.class), space < 0 ? null : fullName.substring(space + 1));
        return set;
    }

    /** Derived, with null guards in a conditional. */
    @HybridProperty
    public String getDisplayName() {
        return last == null ? first : last + ", " + (first != null ? first : "?");
    }

    /** Explicit, over the columns of whichever class inherits it. */
    @HybridProperty
    public String getUpperLast() {
        return last == null ? null : last.toUpperCase(Locale.ROOT);
    }

    @HybridExpression("upperLast")
    public static Field<String> upperLastSql(Columns columns) {
        return DSL.upper(columns.get("last", String.class));
    }
}
