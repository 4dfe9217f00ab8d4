package io.athanor.internal.types;

import io.athanor.types.ColumnType;
import java.lang.reflect.Type;

/**
 * The built-in column codecs: {@code String}, {@code Integer}, {@code Long}, {@code Short},
 * {@code Boolean}, {@code Double}, {@code Float} (and their primitives), {@code BigDecimal},
 * {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code Instant}, {@code UUID},
 * {@code byte[]} and enums; JSON columns; user column types. See {@link SqlTypes} for the
 * length rules and {@link TemporalCodecs} for time zones.
 */
public final class Codecs {
    private static final ClassValue<ColumnCodec> ENUMS = new ClassValue<>() {
        @Override
        protected ColumnCodec computeValue(Class<?> type) {
            return new EnumCodec(type);
        }
    };

    private Codecs() {
    }

    /** Built-in codec for a Java type, primitives included; null when unsupported. */
    public static ColumnCodec forJavaType(Class<?> type) {
        ColumnCodec codec = BuiltinCodecs.BY_TYPE.get(type);
        if (codec == null && type.isEnum()) {
            codec = ENUMS.get(type);
        }
        return codec;
    }

    /** JSON column (java.lang.reflect.Type for generics: Map<String,Object>, List<String>, records, beans) via Jakarta JSON-B. */
    public static ColumnCodec json(Type type) {
        return new JsonCodec(type, false);
    }

    /** JSON column kept as text: PostgreSQL {@code json} rather than {@code jsonb}; {@code JSON} elsewhere. */
    public static ColumnCodec jsonText(Type type) {
        return new JsonCodec(type, true);
    }

    /**
     * SQL array of a built-in element type (PostgreSQL {@code E[]}, H2 {@code E ARRAY}), loaded as an
     * {@code ArrayList}; null when the element type has no array mapping. {@code where} names the
     * attribute in the error MariaDB gets.
     */
    public static ColumnCodec array(Class<?> elementType, String where) {
        ColumnCodec element = forJavaType(elementType);
        String pgName = ArrayCodec.postgresName(elementType);
        return element == null || pgName == null ? null : new ArrayCodec(element, pgName, where);
    }

    /** Java-serialised objects in a large binary column: SQLAlchemy's {@code PickleType}. */
    public static ColumnCodec serialized() {
        return SerializedCodec.INSTANCE;
    }

    /**
     * A user {@link ColumnType} layered on the codec of its {@code storedAs()}.
     *
     * @throws IllegalArgumentException when {@code storedAs()} has no built-in codec
     */
    public static ColumnCodec user(ColumnType<?> type) {
        ColumnCodec stored = forJavaType(type.storedAs());
        if (stored == null) {
            throw new IllegalArgumentException(type.getClass().getName() + " is stored as "
                    + type.storedAs().getName() + ", which has no built-in column type");
        }
        return wrap(type, stored);
    }

    /** Codec to bind a query parameter by its runtime class (for values in user conditions), falling back to setObject. */
    public static ColumnCodec forValue(Object value) {
        if (value == null) {
            return ObjectCodec.INSTANCE;
        }
        Class<?> type = value instanceof Enum<?> e ? e.getDeclaringClass() : value.getClass();
        ColumnCodec codec = forJavaType(type);
        return codec != null ? codec : ObjectCodec.INSTANCE;
    }

    private static <J> ColumnCodec wrap(ColumnType<J> type, ColumnCodec stored) {
        return new UserTypeCodec<>(type, stored);
    }
}
