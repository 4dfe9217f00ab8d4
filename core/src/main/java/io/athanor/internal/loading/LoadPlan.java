package io.athanor.internal.loading;

import io.athanor.InvalidRequestException;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.mapping.Lazy;
import io.athanor.metamodel.RelationshipAttribute;
import io.athanor.sql.LoaderOption;
import java.util.ArrayList;
import java.util.List;

/**
 * How the relationships of the objects one query loads are loaded: for one mapper, the steps that
 * need work at load time (eager strategies, and strategies given by loader options), each with the
 * plan for the objects it loads. Mapped {@code SELECTIN}/{@code JOINED} strategies apply along the
 * path unless the target's class is already on it (SQLAlchemy's recursion check for self-referential
 * and cyclic eager loading); options apply to their path only.
 */
public final class LoadPlan {
    /**
     * One relationship to act on.
     *
     * @param relationship the relationship
     * @param strategy     how it loads
     * @param explicit     given by a loader option (then remembered by each loaded object)
     * @param next         the plan for the objects it loads when eager, otherwise {@code null}
     */
    record Step(RelationshipModel relationship, Lazy strategy, boolean explicit, LoadPlan next) {
        boolean eager() {
            return strategy == Lazy.SELECTIN || strategy == Lazy.JOINED;
        }
    }

    final Mapper mapper;
    final List<Step> steps;

    private LoadPlan(Mapper mapper, List<Step> steps) {
        this.mapper = mapper;
        this.steps = steps;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The plan for a queried class with the query's options (those that start at this class). */
    public static LoadPlan forQuery(Mapper mapper, List<LoaderOption<?>> options) {
        List<List<LoaderOption.Step>> paths = new ArrayList<>();
        for (LoaderOption<?> o : options) {
            if (startsAt(mapper, o.path().get(0).relationship())) {
                paths.add(o.path());
            }
        }
        return build(mapper, paths, List.of(mapper), false);
    }

    /**
     * The mapped strategies only, for objects loaded on access or by key; with
     * {@code joinedAsSelectin} a mapped JOINED is done by an IN query after the load.
     */
    public static LoadPlan mapped(Mapper mapper, List<Mapper> path, boolean joinedAsSelectin) {
        return build(mapper, List.of(), path, joinedAsSelectin);
    }

    public static boolean startsAt(Mapper mapper, RelationshipAttribute<?, ?> first) {
        return first.owner().isAssignableFrom(mapper.type()) && mapper.relationship(first.name()) != null;
    }

    /** Whether some step, at any depth, is a JOINED collection. */
    public boolean joinsCollection() {
        for (Step s : steps) {
            if (s.strategy == Lazy.JOINED && (s.relationship.collection() || s.next.joinsCollection())) {
                return true;
            }
        }
        return false;
    }

    private static LoadPlan build(Mapper mapper, List<List<LoaderOption.Step>> paths, List<Mapper> path,
                                  boolean joinedAsSelectin) {
        for (List<LoaderOption.Step> p : paths) {
            RelationshipAttribute<?, ?> first = p.get(0).relationship();
            if (mapper.relationship(first.name()) == null) {
                throw new InvalidRequestException(StatementMessages.noRelationship(mapper.type(), first.name()));
            }
        }
        List<Step> steps = new ArrayList<>();
        for (RelationshipModel r : mapper.relationships()) {
            Lazy explicit = null;
            List<List<LoaderOption.Step>> further = new ArrayList<>();
            for (List<LoaderOption.Step> p : paths) {
                LoaderOption.Step first = p.get(0);
                if (!first.relationship().name().equals(r.name())) {
                    continue;
                }
                if (first.strategy() != null) {
                    explicit = first.strategy();
                }
                if (p.size() > 1) {
                    further.add(p.subList(1, p.size()));
                }
            }
            Lazy strategy = explicit != null ? explicit : mappedStrategy(r, path);
            if (joinedAsSelectin && explicit == null && strategy == Lazy.JOINED) {
                strategy = Lazy.SELECTIN;
            }
            boolean eager = strategy == Lazy.SELECTIN || strategy == Lazy.JOINED;
            if (!eager && explicit == null) {
                continue;
            }
            LoadPlan next = null;
            if (eager) {
                List<Mapper> longer = new ArrayList<>(path);
                longer.add(r.target());
                next = build(r.target(), further, longer, joinedAsSelectin);
            }
            steps.add(new Step(r, strategy, explicit != null, next));
        }
        return new LoadPlan(mapper, List.copyOf(steps));
    }

    /** The mapped strategy; an eager one stops where the target's class is already on the path. */
    private static Lazy mappedStrategy(RelationshipModel r, List<Mapper> path) {
        Lazy lazy = r.lazy();
        if ((lazy == Lazy.SELECTIN || lazy == Lazy.JOINED) && path.contains(r.target())) {
            return Lazy.SELECT;
        }
        return lazy;
    }
}
