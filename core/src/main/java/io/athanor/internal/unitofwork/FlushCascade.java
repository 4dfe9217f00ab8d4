package io.athanor.internal.unitofwork;

import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.mapping.RelationshipModel.Direction;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.state.Relationships;
import io.athanor.internal.state.StateImpl;
import io.athanor.internal.state.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The cascades a flush runs first, as SQLAlchemy's: objects reachable through save-update
 * relationships of new and changed instances join the session, and children removed from a
 * delete-orphan collection are deleted (or expunged, if never flushed).
 */
final class FlushCascade {
    private final SessionContext session;

    FlushCascade(SessionContext session) {
        this.session = session;
    }

    void run() {
        List<StateImpl> roots = new ArrayList<>(session.states().pending());
        roots.addAll(session.states().modified());
        for (StateImpl s : roots) {
            if (s.owner() == session) {
                session.cascadeSaveFrom(s);
            }
        }
        for (StateImpl p : new ArrayList<>(session.states().modified())) {
            orphans(p);
        }
        for (StateImpl p : new ArrayList<>(session.states().pending())) {
            orphans(p);
        }
    }

    private void orphans(StateImpl p) {
        for (RelationshipModel r : p.mapper.relationships()) {
            if (r.direction() != Direction.ONE_TO_MANY || !r.cascade().deleteOrphan()) {
                continue;
            }
            for (Object gone : Relationships.removedSinceFlush(p, r)) {
                StateImpl c = Relationships.stateOf(r.target(), gone);
                if (c.owner() != session || isHeld(c, r)) {
                    continue;
                }
                if (c.status() == Status.PENDING) {
                    session.expungeState(c);
                } else if (c.status() == Status.PERSISTENT && !c.isMarkedDeleted()) {
                    session.deleteState(c);
                }
            }
        }
    }

    /** Whether another parent in the session holds the child in the same relationship. */
    private boolean isHeld(StateImpl child, RelationshipModel r) {
        RelationshipModel back = r.back();
        if (back != null && !back.collection()) {
            Object parent = child.loadedRelationshipValue(back);
            return parent != null && !child.isUnloaded(back.fieldIndex());
        }
        for (StateImpl s : session.states().identity().values()) {
            if (s.mapper == r.owner() && Relationships.containsSame(Relationships.related(s, r), child.obj)) {
                return true;
            }
        }
        return false;
    }
}
