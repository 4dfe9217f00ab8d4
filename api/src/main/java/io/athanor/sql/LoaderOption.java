package io.athanor.sql;

import io.athanor.api.internal.Messages;
import io.athanor.mapping.Lazy;
import io.athanor.metamodel.RelationshipAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A loader option: a path of relationships, each step with the strategy that loads it, made by
 * {@link Load}'s factories and extended step by step, as SQLAlchemy's
 * {@code selectinload(User.addresses).selectinload(Address.tags)}. Pass it to
 * {@link Select#options(Object...)}. Immutable.
 *
 * @param <T> the class the last step leads to
 */
public final class LoaderOption<T> {
    /**
     * One step of the path.
     *
     * @param relationship the relationship
     * @param strategy     how it loads; {@code null} keeps the mapping's strategy ({@code defaultload})
     */
    public record Step(RelationshipAttribute<?, ?> relationship, Lazy strategy) {
        /** Checks the relationship is given. */
        public Step {
            Objects.requireNonNull(relationship, "relationship");
        }
    }

    private final List<Step> path;

    LoaderOption(List<Step> path) {
        this.path = List.copyOf(path);
    }

    /** The steps, from the queried class outwards. */
    public List<Step> path() {
        return path;
    }

    /** Then loads {@code next} of the related objects with one {@code IN} query per batch. */
    public <U> LoaderOption<U> selectinload(RelationshipAttribute<? super T, U> next) {
        return then(next, Lazy.SELECTIN);
    }

    /** Then loads {@code next} of the related objects through a LEFT OUTER JOIN. */
    public <U> LoaderOption<U> joinedload(RelationshipAttribute<? super T, U> next) {
        return then(next, Lazy.JOINED);
    }

    /** Then makes access to {@code next} of the related objects raise. */
    public <U> LoaderOption<U> raiseload(RelationshipAttribute<? super T, U> next) {
        return then(next, Lazy.RAISE);
    }

    /** Then loads {@code next} of the related objects on first access. */
    public <U> LoaderOption<U> lazyload(RelationshipAttribute<? super T, U> next) {
        return then(next, Lazy.SELECT);
    }

    /** Then never loads {@code next} of the related objects. */
    public <U> LoaderOption<U> noload(RelationshipAttribute<? super T, U> next) {
        return then(next, Lazy.NOLOAD);
    }

    /** Then continues the path through {@code next} without changing how it loads. */
    public <U> LoaderOption<U> defaultload(RelationshipAttribute<? super T, U> next) {
        return then(next, null);
    }

    private <U> LoaderOption<U> then(RelationshipAttribute<?, U> next, Lazy strategy) {
        Objects.requireNonNull(next, "relationship");
        RelationshipAttribute<?, ?> last = path.get(path.size() - 1).relationship();
        if (!next.owner().isAssignableFrom(last.target())) {
            throw new IllegalArgumentException(Messages.cannotChain(next, last));
        }
        List<Step> longer = new ArrayList<>(path);
        longer.add(new Step(next, strategy));
        return new LoaderOption<>(longer);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Step s : path) {
            out.append(out.length() == 0 ? "" : ".").append(Load.functionName(s.strategy())).append('(')
                    .append(s.relationship()).append(')');
        }
        return out.toString();
    }
}
