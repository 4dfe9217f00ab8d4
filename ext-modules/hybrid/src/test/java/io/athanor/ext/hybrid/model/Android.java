package io.athanor.ext.hybrid.model;

import io.athanor.ext.hybrid.HybridExpression;
import io.athanor.ext.hybrid.HybridProperty;
import io.athanor.ext.hybrid.HybridUpdateExpression;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Redefines hybrids of {@link Named} for itself (SQLAlchemy's {@code overrides}): the getter of
 * displayName, the expression of upperLast and the update expression of fullName.
 */
@Mapped(table = "hy_android")
public class Android extends Named {
    @Id
    public Long id;

    protected Android() {
    }

    public Android(String first, String last) {
        this.first = first;
        this.last = last;
    }

    /** A new getter: derived again from this body, for this class only. */
    @Override
    @HybridProperty
    public String getDisplayName() {
        return "android " + last;
    }

    /** A new expression for the inherited getter, over this class's own table. */
    @HybridExpression("upperLast")
    static Field<String> upperLastSql() {
        return DSL.upper(DSL.trim(Android_.last));
    }

    /** A new update expression: androids are named "Last First". */
    @HybridUpdateExpression("fullName")
    static Map<Field<?>, Object> fullNameUpdate(String fullName) {
        String[] parts = fullName.split(" ", 2);
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(Android_.last, parts[0]);
        set.put(Android_.first, parts.length > 1 ? parts[1] : null);
        return set;
    }
}
