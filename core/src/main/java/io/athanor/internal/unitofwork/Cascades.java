package io.athanor.internal.unitofwork;

import io.athanor.internal.mapping.Cascade;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.state.Relationships;
import io.athanor.internal.state.StateImpl;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one walker behind the cascades (save-update, expunge, delete, refresh-expire): from a state,
 * along the relationships whose cascade has the kind, to the related instances. The caller says how
 * related values are read (only what is loaded, or loading on the way) and what a reached instance
 * becomes; the walk goes on from an instance only when the visit says so, so each instance is handled
 * once however the graph cycles. Merge, which builds a copy of the graph rather than visiting it,
 * follows the same {@link Kind#MERGE} with a recursion of its own.
 */
public final class Cascades {
    private Cascades() {
    }

    /** A kind of cascade, as SQLAlchemy's {@code cascade} names. */
    public enum Kind {
        SAVE_UPDATE(Cascade::saveUpdate),
        MERGE(Cascade::merge),
        EXPUNGE(Cascade::expunge),
        DELETE(Cascade::delete),
        REFRESH_EXPIRE(Cascade::refreshExpire);

        private final Predicate<Cascade> test;

        Kind(Predicate<Cascade> test) {
            this.test = test;
        }

        public boolean followedBy(RelationshipModel r) {
            return test.test(r.cascade());
        }
    }

    /** How a walk reads the related instances of one relationship. */
    @FunctionalInterface
    public interface RelatedValues {
        List<Object> of(StateImpl s, RelationshipModel r);
    }

    /** Only what is loaded now; an unloaded relationship is not followed. */
    public static final RelatedValues LOADED = Relationships::related;

    /** What a walk does with a reached instance; true to walk on from it. */
    @FunctionalInterface
    public interface Visit {
        boolean reached(StateImpl target);
    }

    /**
     * Walks from {@code from} along {@code kind}: each related instance is visited when it is first
     * reached, and the walk goes on from those the visit accepts.
     */
    public static void walk(StateImpl from, Kind kind, RelatedValues values, Visit visit) {
        if (from.mapper.relationships().length == 0) {
            return;
        }
        ArrayDeque<StateImpl> work = new ArrayDeque<>();
        work.push(from);
        while (!work.isEmpty()) {
            StateImpl current = work.pop();
            for (RelationshipModel r : current.mapper.relationships()) {
                if (!kind.followedBy(r)) {
                    continue;
                }
                for (Object related : values.of(current, r)) {
                    StateImpl t = Relationships.stateOf(r.target(), related);
                    if (visit.reached(t)) {
                        work.push(t);
                    }
                }
            }
        }
    }
}
