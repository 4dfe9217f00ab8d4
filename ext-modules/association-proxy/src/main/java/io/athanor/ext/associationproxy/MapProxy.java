package io.athanor.ext.associationproxy;

import io.athanor.InvalidRequestException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jooq.Condition;

/**
 * A map-valued association proxy: SQLAlchemy's proxy over a dictionary collection, here over a
 * {@code List} or {@code Set} relationship whose intermediate objects each hold a key attribute.
 * Made by {@link AssociationProxy#keyedBy}:
 *
 * <pre>{@code
 * public static final MapProxy<User, String, String> KEYWORDS_BY_NOTE =
 *         AssociationProxy.of(User.class, "userKeywords", UserKeyword.WORD)
 *                 .keyedBy("note", String.class)
 *                 .creator((note, word) -> new UserKeyword(note, new Keyword(word)));
 * }</pre>
 *
 * <p>Keys are expected to be unique within one owner's collection; lookups find the first
 * intermediate object whose key equals the one asked for.
 *
 * @param <O> the owner class
 * @param <K> the key attribute's type
 * @param <V> the proxied value's type
 */
public final class MapProxy<O, K, V> {
    private final AssociationProxy<O, V> values;
    private final String keyAttribute;
    private final Class<K> keyType;
    private final BiFunction<? super K, ? super V, ?> creator;
    private final ConcurrentHashMap<Class<?>, Endpoint> keys;

    MapProxy(AssociationProxy<O, V> values, String keyAttribute, Class<K> keyType,
             BiFunction<? super K, ? super V, ?> creator) {
        this(values, keyAttribute, keyType, creator, new ConcurrentHashMap<>());
    }

    private MapProxy(AssociationProxy<O, V> values, String keyAttribute, Class<K> keyType,
                     BiFunction<? super K, ? super V, ?> creator, ConcurrentHashMap<Class<?>, Endpoint> keys) {
        this.values = values;
        this.keyAttribute = keyAttribute;
        this.keyType = keyType;
        this.creator = creator;
        this.keys = keys;
    }

    /** This proxy with a creator: makes a new intermediate object from a key and a value, for {@code put}. */
    public MapProxy<O, K, V> creator(BiFunction<? super K, ? super V, ?> creator) {
        return new MapProxy<>(values, keyAttribute, keyType, creator, keys);
    }

    /** The same proxy for a mapped subclass of a {@code @Mixin} owner, for queries. */
    public MapProxy<O, K, V> forClass(Class<? extends O> mappedClass) {
        return new MapProxy<>(values.forClass(mappedClass), keyAttribute, keyType, creator, keys);
    }

    /**
     * A live map view: reads go to the relationship's current collection; {@code put} of a present key
     * sets the value on its intermediate object, of a new key appends an object made by the creator;
     * {@code remove} takes the intermediate object out of the relationship.
     */
    public Map<K, V> map(O owner) {
        Path path = values.pathOf(owner);
        if (path.scalar()) {
            throw new InvalidRequestException(Messages.wrongView(label(), "map()", "a scalar relationship"));
        }
        return new ProxyMap<>(this, path, key(path), owner);
    }

    /** The values' proxy, for queries on values. */
    public AssociationProxy<O, V> values() {
        return values;
    }

    /** EXISTS a related value matching {@code criterion}: see {@link AssociationProxy#any(Condition)}. */
    public Condition any(Condition criterion) {
        return values.any(criterion);
    }

    /** EXISTS any related value: see {@link AssociationProxy#any()}. */
    public Condition any() {
        return values.any();
    }

    /**
     * SQLAlchemy's {@code ==} on a dictionary proxy: for a column-targeted proxy, EXISTS a related
     * value equal to {@code value} (as {@link #contains}); a proxy to objects raises
     * {@code ATHANOR-8016}, as {@code ==} on a collection of objects does.
     */
    public Condition eq(V value) {
        return values.eq(value);
    }

    /** SQLAlchemy's {@code !=} of a column-targeted dictionary proxy: see {@link AssociationProxy#ne}. */
    public Condition ne(V value) {
        return values.ne(value);
    }

    /** EXISTS a related value LIKE {@code pattern}: see {@link AssociationProxy#like}. */
    public Condition like(String pattern) {
        return values.like(pattern);
    }

    /**
     * SQLAlchemy's {@code has()} on a dictionary proxy: a dictionary is a collection, so this raises
     * {@code ATHANOR-8007} ("use any()") exactly as SQLAlchemy does, unless the values are a proxy of
     * a proxy.
     */
    public Condition has() {
        return values.has();
    }

    /** As {@link #has()}, with a criterion. */
    public Condition has(Condition criterion) {
        return values.has(criterion);
    }

    /** EXISTS a related value equal to {@code value}: see {@link AssociationProxy#contains(Object)}. */
    public Condition contains(Object value) {
        return values.contains(value);
    }

    private Endpoint key(Path path) {
        return keys.computeIfAbsent(path.mappedClass(),
                c -> Resolver.endpoint(label(), "key", path.intermediate(), keyAttribute, keyType));
    }

    Object create(Path path, K key, V value) {
        if (creator != null) {
            return creator.apply(key, value);
        }
        java.lang.reflect.Constructor<?> constructor = Constructors.find(path.intermediate(), keyType,
                values.valueType());
        if (constructor == null) {
            throw new InvalidRequestException(Messages.noCreator(label(), path.intermediate(), key + "=" + value,
                    keyType.getSimpleName() + ", " + values.valueType().getSimpleName()));
        }
        return Constructors.call(constructor, key, value);
    }

    String label() {
        String inner = values.label();
        return inner.substring(0, inner.length() - 1) + " keyed by " + keyAttribute + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
