package io.athanor.ext.associationproxy;

import io.athanor.InvalidRequestException;
import io.athanor.core.spi.MappedAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * SQLAlchemy's {@code association_proxy}: a live view across a relationship ({@code target}) to
 * one attribute of each related object, declared once per mapped class, usually as a constant:
 *
 * <pre>{@code
 * public static final AssociationProxy<User, String> KEYWORDS =
 *         AssociationProxy.of(User.class, "userKeywords", UserKeyword.WORD)
 *                 .creator(word -> new UserKeyword(new Keyword(word)));
 *
 * public List<String> keywords() { return KEYWORDS.list(this); }
 * }</pre>
 *
 * <p>Over a collection relationship, {@link #list}, {@link #set} and {@link #collection} give
 * views whose reads go to the relationship's current collection at every access and whose writes go
 * through to it (so history, back-population, cascades and delete-orphan apply as to the collection
 * itself); {@link #keyedBy} gives a map view. Over a scalar relationship (a many-to-one or a
 * one-to-one), {@link #get} and {@link #set(Object, Object)} read and write the value, creating the
 * intermediate object when it is missing. Writes that need a new intermediate object call the
 * {@link #creator}; without one they raise {@link InvalidRequestException}.
 *
 * <p>In queries, {@link #any}, {@link #has}, {@link #contains} and {@link #eq} give jOOQ
 * conditions: correlated EXISTS subqueries through the proxied relationships.
 *
 * <p>Attribute names are checked against the mapping on first use (the class's Registry must have
 * been built by then). Instances are immutable and thread-safe; the option methods return copies.
 *
 * @param <O> the owner class (a mapped class, or a {@code @Mixin} it extends)
 * @param <V> the proxied value's type
 */
public final class AssociationProxy<O, V> {
    private final Class<O> owner;
    private final String target;
    private final String attribute;
    private final Class<V> valueType;
    private final AssociationProxy<?, V> inner;
    private final Function<? super V, ?> creator;
    private final boolean createOnNone;
    private final boolean cascadeScalarDeletes;
    private final Class<?> bound;
    private final Accessors accessors;
    private final ConcurrentHashMap<Class<?>, Path> paths;

    private AssociationProxy(Class<O> owner, String target, String attribute, Class<V> valueType,
                             AssociationProxy<?, V> inner, Function<? super V, ?> creator, boolean createOnNone,
                             boolean cascadeScalarDeletes, Class<?> bound, Accessors accessors,
                             ConcurrentHashMap<Class<?>, Path> paths) {
        if (createOnNone && cascadeScalarDeletes) {
            throw new IllegalArgumentException(Messages.exclusiveScalarOptions(label(owner, target, attribute, inner)));
        }
        this.owner = owner;
        this.target = target;
        this.attribute = attribute;
        this.valueType = valueType;
        this.inner = inner;
        this.creator = creator;
        this.createOnNone = createOnNone;
        this.cascadeScalarDeletes = cascadeScalarDeletes;
        this.bound = bound;
        this.accessors = accessors;
        this.paths = paths;
    }

    /**
     * A proxy from {@code owner} across its relationship {@code target} to the column or relationship
     * {@code attribute} of the related class, whose values are {@code valueType}s.
     */
    public static <O, V> AssociationProxy<O, V> of(Class<O> owner, String target, String attribute,
                                                   Class<V> valueType) {
        require(owner, "owner");
        require(target, "target");
        require(attribute, "attribute");
        require(valueType, "valueType");
        return new AssociationProxy<>(owner, target, attribute, valueType, null, null, false, false, null,
                null, new ConcurrentHashMap<>());
    }

    /**
     * A proxy of a proxy: from {@code owner} across {@code target} to what {@code valueProxy}, declared
     * on the related class, gives for each related object (SQLAlchemy's proxy to a proxy).
     */
    public static <O, V> AssociationProxy<O, V> of(Class<O> owner, String target, AssociationProxy<?, V> valueProxy) {
        require(owner, "owner");
        require(target, "target");
        require(valueProxy, "valueProxy");
        return new AssociationProxy<>(owner, target, null, null, valueProxy, null, false, false, null,
                null, new ConcurrentHashMap<>());
    }

    private static void require(Object argument, String name) {
        if (argument == null) {
            throw new IllegalArgumentException(Messages.nullArgument(name));
        }
    }

    /**
     * This proxy with a creator: the function that makes a new intermediate object from a value, for
     * {@code add}, {@code set} and scalar writes that find no intermediate object to update.
     */
    public AssociationProxy<O, V> creator(Function<? super V, ?> creator) {
        return new AssociationProxy<>(owner, target, attribute, valueType, inner, creator, createOnNone,
                cascadeScalarDeletes, bound, accessors, paths);
    }

    /**
     * For a scalar proxy: assigning {@code null} while the intermediate object is missing creates one
     * (SQLAlchemy's {@code create_on_none_assignment=True}); by default that assignment does nothing.
     */
    public AssociationProxy<O, V> createOnNoneAssignment() {
        return new AssociationProxy<>(owner, target, attribute, valueType, inner, creator, true,
                cascadeScalarDeletes, bound, accessors, paths);
    }

    /**
     * For a scalar proxy: assigning {@code null} also detaches the intermediate object from the owner
     * (SQLAlchemy's {@code cascade_scalar_deletes=True}), so a delete-orphan cascade deletes it.
     */
    public AssociationProxy<O, V> cascadeScalarDeletes() {
        return new AssociationProxy<>(owner, target, attribute, valueType, inner, creator, createOnNone, true,
                bound, accessors, paths);
    }

    /**
     * This proxy reading and writing the value of each intermediate object with {@code getter} and
     * {@code setter} instead of the attribute (SQLAlchemy's {@code getset_factory}): for a plain
     * (unmapped) property, or for a mapped attribute read through its Java accessors. Queries still
     * use the mapped attribute, and refuse a proxy whose attribute is not mapped. {@code setter} may
     * be {@code null} for a read-only value (writes then raise {@code ATHANOR-8021}).
     *
     * @param intermediate the class the relationship leads to (or a supertype of it)
     */
    @SuppressWarnings("unchecked")
    public <T> AssociationProxy<O, V> getset(Class<T> intermediate, Function<? super T, ? extends V> getter,
                                              java.util.function.BiConsumer<? super T, ? super V> setter) {
        require(intermediate, "intermediate");
        require(getter, "getter");
        Accessors given = new Accessors(intermediate, (Function<Object, Object>) getter,
                (java.util.function.BiConsumer<Object, Object>) setter);
        return new AssociationProxy<>(owner, target, attribute, valueType, inner, creator, createOnNone,
                cascadeScalarDeletes, bound, given, new ConcurrentHashMap<>());
    }

    /**
     * The same proxy for a mapped subclass of a {@code @Mixin} owner, for queries ({@code any},
     * {@code has}, ...), which need to know the table; instance views find the class themselves.
     */
    public AssociationProxy<O, V> forClass(Class<? extends O> mappedClass) {
        if (!owner.isAssignableFrom(mappedClass)) {
            throw new InvalidRequestException(Messages.notSubclass(label(), owner, mappedClass));
        }
        return new AssociationProxy<>(owner, target, attribute, valueType, inner, creator, createOnNone,
                cascadeScalarDeletes, mappedClass, accessors, paths);
    }

    /**
     * A map view keyed by the column or relationship {@code keyAttribute} of each intermediate object,
     * whose values are this proxy's values. Give it a creator of its own, taking key and value.
     */
    public <K> MapProxy<O, K, V> keyedBy(String keyAttribute, Class<K> keyType) {
        require(keyAttribute, "keyAttribute");
        require(keyType, "keyType");
        return new MapProxy<>(this, keyAttribute, keyType, null);
    }

    // ---- instance views ----

    /** A live list view; the relationship must be a {@code List}. */
    public List<V> list(O owner) {
        Path path = pathOf(owner);
        if (path.scalar() || path.target().set()) {
            throw new InvalidRequestException(Messages.wrongView(label(), "list()", describe(path)));
        }
        return new ProxyList<>(this, path, owner);
    }

    /** A live set view; the relationship must be a {@code Set}. */
    public Set<V> set(O owner) {
        Path path = pathOf(owner);
        if (path.scalar() || !path.target().set()) {
            throw new InvalidRequestException(Messages.wrongView(label(), "set()", describe(path)));
        }
        return new ProxySet<>(this, path, owner);
    }

    /** The live view of a collection proxy: a {@link #list} or a {@link #set}, as the relationship is. */
    public Collection<V> collection(O owner) {
        Path path = pathOf(owner);
        if (path.scalar()) {
            throw new InvalidRequestException(Messages.wrongView(label(), "collection()", describe(path)));
        }
        return path.target().set() ? new ProxySet<>(this, path, owner) : new ProxyList<>(this, path, owner);
    }

    /** A scalar proxy's value: {@code null} when the owner has no intermediate object. */
    @SuppressWarnings("unchecked")
    public V get(O owner) {
        Path path = scalarPath(owner, "get()");
        Object member = Fields.read(owner, path.target().fieldIndex());
        return member == null ? null : (V) path.value().get(member);
    }

    /**
     * Sets a scalar proxy's value on the intermediate object, or, when the owner has none, on a new
     * one made by the creator (assigning {@code null} then does nothing unless
     * {@link #createOnNoneAssignment()}).
     */
    public void set(O owner, V value) {
        Path path = scalarPath(owner, "set(owner, value)");
        int index = path.target().fieldIndex();
        Object member = Fields.read(owner, index);
        if (member == null) {
            if (value == null && !createOnNone) {
                return;
            }
            Fields.write(owner, index, create(path, value));
            return;
        }
        path.value().set(member, value);
        if (value == null && cascadeScalarDeletes) {
            Fields.write(owner, index, null);
        }
    }

    /**
     * Replaces a collection proxy's values (SQLAlchemy's assignment to the proxy): a list is cleared
     * and refilled; a set keeps the members whose values stay and adds the others.
     */
    public void assign(O owner, Collection<? extends V> values) {
        Collection<V> view = collection(owner);
        if (view instanceof Set<V> set) {
            Set<V> wanted = new LinkedHashSet<>(values);
            set.retainAll(wanted);
            set.addAll(wanted);
        } else {
            List<V> copy = new ArrayList<>(values);
            view.clear();
            view.addAll(copy);
        }
    }

    // ---- queries ----

    /** EXISTS a related value: SQLAlchemy's {@code any()} with no criterion. */
    public Condition any() {
        return Conditions.any(this, null);
    }

    /**
     * EXISTS a related object matching {@code criterion}, through both relationships (or, for a
     * column endpoint, a related row whose column matches it): SQLAlchemy's {@code any()}.
     */
    public Condition any(Condition criterion) {
        return Conditions.any(this, criterion);
    }

    /** EXISTS the intermediate object of a scalar proxy: SQLAlchemy's {@code has()} with no criterion. */
    public Condition has() {
        return Conditions.has(this, null);
    }

    /** EXISTS the scalar endpoint object matching {@code criterion}: SQLAlchemy's {@code has()}. */
    public Condition has(Condition criterion) {
        return Conditions.has(this, criterion);
    }

    /**
     * EXISTS a related value equal to {@code value} (a column value, or a persistent object of an
     * object endpoint): SQLAlchemy's {@code contains()} on an object proxy, and {@code ==} on a
     * column-targeted one.
     */
    public Condition contains(Object value) {
        return Conditions.contains(this, value);
    }

    /**
     * The scalar endpoint equals {@code value}: SQLAlchemy's {@code ==} ({@code null} also matches an
     * owner with no intermediate object). On a column-targeted collection proxy it means the same as
     * {@link #contains}.
     */
    public Condition eq(V value) {
        return Conditions.eq(this, value);
    }

    /**
     * For a column-targeted proxy: EXISTS a related row whose column differs from {@code value}
     * (SQLAlchemy's {@code !=}, which like its other column operators is applied inside
     * {@code any()}/{@code has()}); {@code ne(null)} means the column IS NOT NULL.
     */
    public Condition ne(V value) {
        return Conditions.columnOperator(this, "ne()", f -> value == null ? f.isNotNull() : f.ne(Conditions.bind(value)));
    }

    /** For a column-targeted proxy: EXISTS a related row whose column is LIKE {@code pattern}. */
    public Condition like(String pattern) {
        require(pattern, "pattern");
        return Conditions.columnOperator(this, "like()", f -> f.like(pattern));
    }

    /** For a column-targeted proxy: EXISTS a related row whose column is NOT LIKE {@code pattern}. */
    public Condition notLike(String pattern) {
        require(pattern, "pattern");
        return Conditions.columnOperator(this, "notLike()", f -> f.notLike(pattern));
    }

    /**
     * For a column-targeted proxy: EXISTS a related row whose column satisfies {@code operator}
     * (SQLAlchemy's {@code operate()} of a column proxy, for any other operator:
     * {@code proxy.where(c -> c.in("a", "b"))}).
     */
    public Condition where(Function<Field<Object>, Condition> operator) {
        require(operator, "operator");
        return Conditions.columnOperator(this, "where()", operator);
    }

    // ---- internals ----

    /** The proxy resolved for a mapped owner class, checked on first use. */
    Path path(Class<?> mappedClass) {
        Path path = paths.get(mappedClass);
        if (path == null) {
            path = resolve(mappedClass);
            paths.put(mappedClass, path);
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private Path resolve(Class<?> mappedClass) {
        var relation = Resolver.relationship(label(), mappedClass, target);
        Class<?> intermediate = relation.target();
        Endpoint value;
        if (inner != null) {
            if (!inner.owner.isAssignableFrom(intermediate)) {
                throw new InvalidRequestException(Messages.innerOwner(label(), inner.owner, intermediate));
            }
            value = new Endpoint.OfProxy((AssociationProxy<Object, Object>) inner, intermediate);
        } else if (accessors == null) {
            value = Resolver.endpoint(label(), "value", intermediate, attribute, valueType);
        } else {
            value = null;
        }
        if (accessors != null) {
            if (!accessors.type().isAssignableFrom(intermediate)) {
                throw new InvalidRequestException(Messages.getsetType(label(), accessors.type(), intermediate));
            }
            Endpoint sql = value;
            if (sql == null) {
                sql = MappedAttributes.column(intermediate, attribute).isPresent()
                        || MappedAttributes.relationship(intermediate, attribute).isPresent()
                        ? Resolver.endpoint(label(), "value", intermediate, attribute, valueType) : null;
            }
            value = new Endpoint.OfAccessors(intermediate.getSimpleName() + "." + attribute, accessors.getter(),
                    accessors.setter(), sql);
        }
        return new Path(mappedClass, relation, value);
    }

    Path pathOf(Object ownerInstance) {
        if (ownerInstance == null) {
            throw new InvalidRequestException(Messages.nullOwner(label()));
        }
        if (!(ownerInstance instanceof io.athanor.enhance.Enhanced)) {
            throw new InvalidRequestException(Messages.notEntity(label(), ownerInstance));
        }
        return path(MappedAttributes.mappedClass(ownerInstance.getClass()));
    }

    /** The path a query is about: the class given to forClass, else the owner class, which must be mapped. */
    Path queryPath() {
        Class<?> type = bound != null ? bound : owner;
        if (!MappedAttributes.isMapped(type)) {
            throw new InvalidRequestException(Messages.mixinQuery(label(), owner));
        }
        return path(MappedAttributes.mappedClass(type));
    }

    /** Whether this proxy, on the mapped class {@code mappedClass}, is scalar. */
    boolean scalar(Class<?> mappedClass) {
        return path(MappedAttributes.mappedClass(mappedClass)).scalar();
    }

    private Path scalarPath(Object ownerInstance, String operation) {
        Path path = pathOf(ownerInstance);
        if (!path.scalar()) {
            throw new InvalidRequestException(Messages.wrongView(label(), operation, describe(path)));
        }
        return path;
    }

    /**
     * A new intermediate object for {@code value}, from the creator, or by default (as SQLAlchemy
     * calls the target class) from the intermediate class's constructor taking the value.
     */
    Object create(Path path, V value) {
        if (creator != null) {
            return creator.apply(value);
        }
        java.lang.reflect.Constructor<?> constructor = Constructors.find(path.intermediate(), valueType());
        if (constructor == null) {
            throw new InvalidRequestException(Messages.noCreator(label(), path.intermediate(), value,
                    valueType().getSimpleName()));
        }
        return Constructors.call(constructor, value);
    }

    /** The declared value type (for a proxy of a proxy, the inner proxy's). */
    Class<?> valueType() {
        return inner != null ? inner.valueType() : valueType;
    }

    AssociationProxy<?, V> inner() {
        return inner;
    }

    String label() {
        return label(owner, target, attribute, inner);
    }

    private static String label(Class<?> owner, String target, String attribute, AssociationProxy<?, ?> inner) {
        return "AssociationProxy(" + owner.getSimpleName() + "." + target + " -> "
                + (inner != null ? inner.label() : attribute) + ")";
    }

    /** SQLAlchemy's {@code getset_factory}: the accessors given to {@link #getset}. */
    private record Accessors(Class<?> type, Function<Object, Object> getter,
                             java.util.function.BiConsumer<Object, Object> setter) {
    }

    private static String describe(Path path) {
        return path.scalar() ? "a scalar relationship" : path.target().set() ? "a Set" : "a List";
    }

    @Override
    public String toString() {
        return label();
    }
}
