package io.athanor.internal.session;

import io.athanor.internal.mapping.RelationshipModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one statement loaded, for the eager loaders: the objects loaded at each level of the load
 * plan (the parents of the next level's IN queries), and the related objects found by joined eager
 * loading for each parent. A joined relationship is populated only if it was unloaded when its
 * parent was first seen: loaded values, and unflushed changes, are never overwritten.
 */
final class LoadCollector {
    private final Map<LoadPlan, List<StateImpl>> loaded = new IdentityHashMap<>();
    private final Map<LoadPlan, Set<StateImpl>> seen = new IdentityHashMap<>();
    private final Map<StateImpl, Map<RelationshipModel, Related>> joined = new IdentityHashMap<>();
    private StateImpl lastParent;
    private RelationshipModel lastRelationship;
    private Related lastRelated;

    /** The related objects of one parent's relationship, in row order, without repeats. */
    static final class Related {
        final boolean populate;
        final List<Object> values = new ArrayList<>();
        private final Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());

        Related(boolean populate) {
            this.populate = populate;
        }

        void add(Object value) {
            if (distinct.add(value)) {
                values.add(value);
            }
        }
    }

    void loaded(LoadPlan plan, StateImpl s) {
        if (plan == null || plan.isEmpty()) {
            return;
        }
        if (seen.computeIfAbsent(plan, p -> Collections.newSetFromMap(new IdentityHashMap<>())).add(s)) {
            loaded.computeIfAbsent(plan, p -> new ArrayList<>()).add(s);
        }
    }

    List<StateImpl> states(LoadPlan plan) {
        return loaded.getOrDefault(plan, List.of());
    }

    /** A row joined {@code target} (or nothing, when {@code null}) to {@code parent} through {@code r}. */
    void joined(StateImpl parent, RelationshipModel r, StateImpl target) {
        Related related;
        if (parent == lastParent && r == lastRelationship) {
            // rows of one parent usually come together: no lookups for the second and later ones
            related = lastRelated;
        } else {
            related = joined.computeIfAbsent(parent, p -> new IdentityHashMap<>())
                    .computeIfAbsent(r, x -> new Related(parent.isUnloaded(r.fieldIndex())));
            lastParent = parent;
            lastRelationship = r;
            lastRelated = related;
        }
        if (related.populate && target != null && !target.markedDeleted) {
            related.add(target.obj);
        }
    }

    /** Stores the joined relationships that were unloaded. */
    void storeJoined() {
        for (Map.Entry<StateImpl, Map<RelationshipModel, Related>> e : joined.entrySet()) {
            for (Map.Entry<RelationshipModel, Related> j : e.getValue().entrySet()) {
                RelationshipModel r = j.getKey();
                Related related = j.getValue();
                if (related.populate && e.getKey().isUnloaded(r.fieldIndex())) {
                    e.getKey().loadedRelationship(r, EagerLoader.value(r, related.values));
                }
            }
        }
        joined.clear();
        lastParent = null;
        lastRelationship = null;
        lastRelated = null;
    }
}
