package io.athanor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The change history of one attribute since it was last flushed or loaded: SQLAlchemy's
 * {@code History} triple. The lists may hold {@code null} (a column that was NULL).
 *
 * @param added     the new value, if the attribute was set
 * @param unchanged the loaded value, if the attribute was not changed
 * @param deleted   the value that was replaced, if it was loaded before the change
 */
public record History(List<Object> added, List<Object> unchanged, List<Object> deleted) {
    public History {
        added = Collections.unmodifiableList(new ArrayList<>(added));
        unchanged = Collections.unmodifiableList(new ArrayList<>(unchanged));
        deleted = Collections.unmodifiableList(new ArrayList<>(deleted));
    }

    /** Whether the attribute has a change to flush. */
    public boolean hasChanges() {
        return !added.isEmpty() || !deleted.isEmpty();
    }

    /** Whether nothing is known (an unloaded attribute with no change). */
    public boolean isEmpty() {
        return added.isEmpty() && unchanged.isEmpty() && deleted.isEmpty();
    }
}
