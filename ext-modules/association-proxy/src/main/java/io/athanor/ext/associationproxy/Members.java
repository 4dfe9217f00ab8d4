package io.athanor.ext.associationproxy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;

/** The relationship collection behind a view, read afresh at every access. */
final class Members {
    private Members() {
    }

    /** The collection the owner holds now (loading it if it is lazy); empty when the field is null. */
    @SuppressWarnings("unchecked")
    static Collection<Object> read(Path path, Object owner) {
        Object members = Fields.read(owner, path.target().fieldIndex());
        return members == null ? new ArrayList<>(0) : (Collection<Object>) members;
    }

    /** The collection to write to, assigning a new empty one first when the field is null. */
    static Collection<Object> writable(Path path, Object owner) {
        Object members = Fields.read(owner, path.target().fieldIndex());
        if (members == null) {
            Fields.write(owner, path.target().fieldIndex(), path.target().set() ? new LinkedHashSet<>() : new ArrayList<>());
        }
        return read(path, owner);
    }
}
