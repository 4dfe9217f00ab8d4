package io.athanor.internal.transaction;

import io.athanor.internal.state.SessionStates;
import io.athanor.internal.state.StateImpl;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a rollback rolls back the session's memory (SQLAlchemy's {@code _restore_snapshot}): the
 * instances the transaction inserted, and those still pending, become transient; primary-key
 * changes are undone; deleted instances are persistent again; and the persistent instances expire
 * (for a savepoint, only those it changed), so that their next read sees the database's values.
 */
final class SnapshotRestore {
    private SnapshotRestore() {
    }

    static void restore(TransactionImpl tx, SessionStates states, boolean dirtyOnly) {
        Set<StateImpl> toExpunge = new LinkedHashSet<>(tx.inserted);
        toExpunge.addAll(states.pending());
        for (StateImpl s : toExpunge) {
            states.undoInsert(s);
        }
        for (Map.Entry<StateImpl, Object> e : tx.keySwitches.entrySet()) {
            states.undoRekey(e.getKey(), e.getValue(), !toExpunge.contains(e.getKey()));
        }
        Set<StateImpl> revert = new LinkedHashSet<>(tx.deleted);
        revert.addAll(states.markedDeleted());
        for (StateImpl s : revert) {
            states.undoDelete(s);
        }
        states.clearMarkedDeleted();
        for (StateImpl s : states.identity().values()) {
            if (!dirtyOnly || s.modified || tx.updated.contains(s)) {
                s.expireAll();
                states.unmodified(s);
            }
        }
    }
}
