package io.athanor.internal.loading;

import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.state.StateImpl;
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
public final class LoadCollector {
    private final Map<LoadPlan, List<StateImpl>> loaded = new IdentityHashMap<>();
    private final Map<LoadPlan, Set<StateImpl>> seen = new IdentityHashMap<>();
    private final Map<StateImpl, Map<RelationshipModel, Related>> joined = new IdentityHashMap<>();
    private StateImpl lastParent;
    private RelationshipModel lastRelationship;
    private Related lastRelated;

    private LoadPlan lastPlan;
    private StateImpl lastLoaded;

    /** The related objects of one parent's relationship, in row order, without repeats. */
    static final class Related {
        /** Up to this many values, a repeat is found by scanning them; beyond, by an identity set. */
        private static final int SCANNED = 16;

        final boolean populate;
        final List<Object> values = new ArrayList<>();
        private Set<Object> distinct;

        Related(boolean populate) {
            this.populate = populate;
        }

        void add(Object value) {
            int n = values.size();
            if (n > 0 && values.get(n - 1) == value) {
                return; // the same object on consecutive rows: a collection joined beside this one repeats it
            }
            if (distinct != null) {
                if (distinct.add(value)) {
                    values.add(value);
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                if (values.get(i) == value) {
                    return;
                }
            }
            values.add(value);
            if (values.size() > SCANNED) {
                // a small collection is scanned: no identity hash (slow to compute the first time) per object
                distinct = Collections.newSetFromMap(new IdentityHashMap<>());
                distinct.addAll(values);
            }
        }
    }

    public void loaded(LoadPlan plan, StateImpl s) {
        if (plan == null || plan.isEmpty() || (plan == lastPlan && s == lastLoaded)) {
            return; // a parent repeated on the rows of its joined collection is looked up once
        }
        lastPlan = plan;
        lastLoaded = s;
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
        if (related.populate && target != null && !target.isMarkedDeleted()) {
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
