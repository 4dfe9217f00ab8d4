package io.athanor.internal.types;

import io.athanor.Dialect;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.UUID;

/** The codecs of the scalar built-in types (temporal ones are in {@link TemporalCodecs}). */
final class BuiltinCodecs {
    static final ColumnCodec STRING = new SimpleCodec<>(String.class, SqlTypes::varchar, Types.VARCHAR,
            (ps, i, v, d) -> ps.setString(i, v), (rs, i, d) -> rs.getString(i));
    static final ColumnCodec INTEGER = new SimpleCodec<>(Integer.class, SqlTypes.fixed("INTEGER"), Types.INTEGER,
            (ps, i, v, d) -> ps.setInt(i, v), (rs, i, d) -> ColumnReads.readInteger(rs, i));
    static final ColumnCodec LONG = new SimpleCodec<>(Long.class, SqlTypes.fixed("BIGINT"), Types.BIGINT,
            (ps, i, v, d) -> ps.setLong(i, v), (rs, i, d) -> ColumnReads.readLong(rs, i));
    static final ColumnCodec SHORT = new SimpleCodec<>(Short.class, SqlTypes.fixed("SMALLINT"), Types.SMALLINT,
            (ps, i, v, d) -> ps.setShort(i, v), (rs, i, d) -> orNull(rs, rs.getShort(i)));
    static final ColumnCodec BOOLEAN = new SimpleCodec<>(Boolean.class, SqlTypes.fixed("BOOLEAN"), Types.BOOLEAN,
            (ps, i, v, d) -> ps.setBoolean(i, v), (rs, i, d) -> orNull(rs, rs.getBoolean(i)));
    static final ColumnCodec DOUBLE = new SimpleCodec<>(Double.class,
            (d, s) -> d == Dialect.MARIADB ? "DOUBLE" : "DOUBLE PRECISION", Types.DOUBLE,
            (ps, i, v, d) -> ps.setDouble(i, v), (rs, i, d) -> orNull(rs, rs.getDouble(i)));
    /**
     * MariaDB stores floats in {@code DOUBLE}: its {@code FLOAT} refuses {@code Float.MAX_VALUE} as
     * the driver sends it; every float converts to a double and back exactly.
     */
    static final ColumnCodec FLOAT = new SimpleCodec<>(Float.class,
            (d, s) -> d == Dialect.MARIADB ? "DOUBLE" : "REAL", Types.REAL,
            (ps, i, v, d) -> {
                if (d == Dialect.MARIADB) {
                    ps.setDouble(i, v);
                } else {
                    ps.setFloat(i, v);
                }
            },
            (rs, i, d) -> d == Dialect.MARIADB ? toFloat(orNull(rs, rs.getDouble(i))) : orNull(rs, rs.getFloat(i)));
    static final ColumnCodec BIG_DECIMAL = new SimpleCodec<>(BigDecimal.class, (d, s) -> SqlTypes.numeric(s),
            Types.NUMERIC, (ps, i, v, d) -> ps.setBigDecimal(i, v), (rs, i, d) -> rs.getBigDecimal(i));
    static final ColumnCodec BYTES = new SimpleCodec<>(byte[].class, SqlTypes::varbinary, Types.VARBINARY,
            (ps, i, v, d) -> ps.setBytes(i, v), (rs, i, d) -> rs.getBytes(i));
    /** Native {@code UUID} on all three; MariaDB (10.7+) takes and returns it as text. */
    static final ColumnCodec UUID_CODEC = new SimpleCodec<>(UUID.class, SqlTypes.fixed("UUID"), Types.OTHER,
            (ps, i, v, d) -> {
                if (d == Dialect.MARIADB) {
                    ps.setString(i, v.toString());
                } else {
                    ps.setObject(i, v);
                }
            },
            (rs, i, d) -> {
                if (d != Dialect.MARIADB) {
                    return rs.getObject(i, UUID.class);
                }
                String text = rs.getString(i);
                return text == null ? null : UUID.fromString(text);
            });

    static final Map<Class<?>, ColumnCodec> BY_TYPE = Map.ofEntries(
            Map.entry(String.class, STRING),
            Map.entry(Integer.class, INTEGER), Map.entry(int.class, INTEGER),
            Map.entry(Long.class, LONG), Map.entry(long.class, LONG),
            Map.entry(Short.class, SHORT), Map.entry(short.class, SHORT),
            Map.entry(Boolean.class, BOOLEAN), Map.entry(boolean.class, BOOLEAN),
            Map.entry(Double.class, DOUBLE), Map.entry(double.class, DOUBLE),
            Map.entry(Float.class, FLOAT), Map.entry(float.class, FLOAT),
            Map.entry(BigDecimal.class, BIG_DECIMAL),
            Map.entry(byte[].class, BYTES),
            Map.entry(UUID.class, UUID_CODEC),
            Map.entry(java.time.LocalDate.class, TemporalCodecs.LOCAL_DATE),
            Map.entry(java.time.LocalDateTime.class, TemporalCodecs.LOCAL_DATE_TIME),
            Map.entry(java.time.OffsetDateTime.class, TemporalCodecs.OFFSET_DATE_TIME),
            Map.entry(java.time.Instant.class, TemporalCodecs.INSTANT));

    private BuiltinCodecs() {
    }

    private static <T> T orNull(ResultSet rs, T value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static Float toFloat(Double value) {
        return value == null ? null : value.floatValue();
    }
}
