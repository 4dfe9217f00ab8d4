package io.athanor.sql;

import io.athanor.mapping.Lazy;
import io.athanor.metamodel.RelationshipAttribute;
import java.util.List;

/**
 * Loader options, SQLAlchemy 2.0 style, for {@link Select#options(Object...)}:
 * {@code select(User.class).options(selectinload(User_.addresses).joinedload(Address_.tags))}.
 * An option overrides the relationship's mapped {@code lazy} for the objects the query loads;
 * chained steps apply to the objects the previous step loads.
 */
public final class Load {
    private Load() {
    }

    /** Loads the relationship for all parents of a batch with one {@code IN} query (per 500 parents). */
    public static <T> LoaderOption<T> selectinload(RelationshipAttribute<?, T> relationship) {
        return first(relationship, Lazy.SELECTIN);
    }

    /** Loads the relationship in the parent query through a LEFT OUTER JOIN. */
    public static <T> LoaderOption<T> joinedload(RelationshipAttribute<?, T> relationship) {
        return first(relationship, Lazy.JOINED);
    }

    /** Access to the relationship raises {@code InvalidRequestException} instead of loading. */
    public static <T> LoaderOption<T> raiseload(RelationshipAttribute<?, T> relationship) {
        return first(relationship, Lazy.RAISE);
    }

    /** Loads the relationship on first access with one SELECT. */
    public static <T> LoaderOption<T> lazyload(RelationshipAttribute<?, T> relationship) {
        return first(relationship, Lazy.SELECT);
    }

    /** Never loads the relationship: it reads as empty ({@code null} for one object). */
    public static <T> LoaderOption<T> noload(RelationshipAttribute<?, T> relationship) {
        return first(relationship, Lazy.NOLOAD);
    }

    /** Keeps the relationship's mapped strategy; a start for options further along the path. */
    public static <T> LoaderOption<T> defaultload(RelationshipAttribute<?, T> relationship) {
        return first(relationship, null);
    }

    private static <T> LoaderOption<T> first(RelationshipAttribute<?, T> relationship, Lazy strategy) {
        return new LoaderOption<>(List.of(new LoaderOption.Step(relationship, strategy)));
    }

    static String functionName(Lazy strategy) {
        if (strategy == null) {
            return "defaultload";
        }
        return switch (strategy) {
            case SELECT -> "lazyload";
            case SELECTIN -> "selectinload";
            case JOINED -> "joinedload";
            case RAISE -> "raiseload";
            case NOLOAD -> "noload";
        };
    }
}
