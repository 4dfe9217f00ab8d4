package io.athanor.sql;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;

/** An immutable bulk DELETE from a mapped class's table: {@code delete(User.class).where(...)}. */
public final class Delete implements Statement {
    private final Class<?> entity;
    private final List<Condition> where;
    private final Sync sync;

    Delete(Class<?> entity) {
        this(entity, List.of(), Sync.AUTO);
    }

    private Delete(Class<?> entity, List<Condition> where, Sync sync) {
        this.entity = entity;
        this.where = where;
        this.sync = sync;
    }

    /** Adds conditions joined with AND. */
    public Delete where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        all.addAll(List.of(conditions));
        return new Delete(entity, List.copyOf(all), sync);
    }

    /** How instances in the session are expunged or marked deleted. */
    public Delete synchronize(Sync mode) {
        return new Delete(entity, where, mode);
    }

    public Class<?> entity() {
        return entity;
    }

    public List<Condition> whereConditions() {
        return where;
    }

    public Sync sync() {
        return sync;
    }
}
