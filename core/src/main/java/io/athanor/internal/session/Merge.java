package io.athanor.internal.session;

import io.athanor.IdentityKey;
import io.athanor.InvalidRequestException;
import io.athanor.StaleDataException;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;

/**
 * SQLAlchemy's {@code merge()}: copies an instance's loaded attributes onto the instance of the same
 * identity in the session (found in the identity map, loaded, or created), checking the version.
 */
final class Merge {
    private final SessionImpl session;

    Merge(SessionImpl session) {
        this.session = session;
    }

    <T> T merge(T instance, boolean load) {
        StateImpl given = session.state(instance);
        if (given.session == session) {
            return instance;
        }
        Mapper m = given.mapper;
        Object key = given.key != null ? given.key : m.identityOf(given.obj);
        if (!load && (key == null || given.status == Status.TRANSIENT)) {
            throw new InvalidRequestException("ATHANOR-2030: merge(load = false) takes only instances that were "
                    + "persisted (detached ones): " + given.describe() + " is transient");
        }
        if (!load && given.hasNetChanges()) {
            throw new InvalidRequestException("ATHANOR-2031: merge(load = false) does not take instances with unflushed "
                    + "changes: " + given.describe() + " has some; merge with load = true instead");
        }
        StateImpl merged = null;
        if (key != null) {
            merged = session.identity.get(new IdentityKey(m.type(), key));
            if (merged == null && load) {
                session.autoflush();
                Object found = session.statements().loadByKey(m, key);
                merged = found == null ? null : (StateImpl) ((Enhanced) found).$athanor$interceptor();
            }
        }
        if (merged == null) {
            Enhanced obj = m.newInstance();
            merged = session.state(obj);
            if (!load) {
                copy(given, merged, false);
                merged.key = key;
                session.attachPersistent(merged);
                merged.unloadRelationships();
                return cast(instance, merged);
            }
            copy(given, merged, true);
            session.add(obj);
            return cast(instance, merged);
        }
        checkVersion(m, given, merged);
        copy(given, merged, load);
        return cast(instance, merged);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(T original, StateImpl merged) {
        return (T) merged.obj;
    }

    private static void checkVersion(Mapper m, StateImpl given, StateImpl merged) {
        ColumnModel v = m.version();
        if (v == null || given.unloaded.get(v.fieldIndex())) {
            return;
        }
        Object mine = given.value(v);
        if (mine == null) {
            return;
        }
        Object theirs = merged.value(v);
        if (theirs != null && ((Number) mine).longValue() != ((Number) theirs).longValue()) {
            throw new StaleDataException("ATHANOR-2032: version " + mine + " of the merged " + given.describe()
                    + " does not match the version " + theirs + " in the session: it was changed since this copy was "
                    + "loaded. Load it again, or leave the version unset to merge without a check");
        }
    }

    /** Copies the loaded column values; tracked copies record history so the flush writes them. */
    private static void copy(StateImpl from, StateImpl to, boolean tracked) {
        for (ColumnModel c : from.mapper.columns()) {
            int i = c.fieldIndex();
            if (from.unloaded.get(i)) {
                continue;
            }
            Object value = from.obj.$athanor$get(i);
            if (tracked) {
                if (!to.unloaded.get(i) && StateImpl.valueEquals(to.obj.$athanor$get(i), value)) {
                    continue;
                }
                Object old = to.obj.$athanor$get(i);
                to.obj.$athanor$set(i, value);
                to.afterWrite(to.obj, i, old, value);
            } else {
                to.obj.$athanor$set(i, value);
            }
        }
    }
}
