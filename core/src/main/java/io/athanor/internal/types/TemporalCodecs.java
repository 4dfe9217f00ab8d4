package io.athanor.internal.types;

import io.athanor.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Date and time codecs, at microsecond precision (finer values are truncated before binding).
 * Zoned values use {@code TIMESTAMP(6) WITH TIME ZONE} on PostgreSQL and H2; MariaDB has no zoned
 * type, so they are stored as UTC in {@code DATETIME(6)}. They are read back as the same instant
 * at offset UTC on every dialect.
 */
final class TemporalCodecs {
    static final ColumnCodec LOCAL_DATE = new SimpleCodec<>(LocalDate.class, SqlTypes.fixed("DATE"),
            Types.DATE, (ps, i, v, d) -> ps.setObject(i, v), (rs, i, d) -> rs.getObject(i, LocalDate.class));
    static final ColumnCodec LOCAL_DATE_TIME = new SimpleCodec<>(LocalDateTime.class,
            (d, s) -> d == Dialect.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)", Types.TIMESTAMP,
            (ps, i, v, d) -> ps.setObject(i, v.truncatedTo(ChronoUnit.MICROS)),
            (rs, i, d) -> rs.getObject(i, LocalDateTime.class));
    static final ColumnCodec OFFSET_DATE_TIME = new SimpleCodec<>(OffsetDateTime.class, TemporalCodecs::zonedDdl,
            Types.TIMESTAMP_WITH_TIMEZONE, TemporalCodecs::bindZoned, TemporalCodecs::readZoned);
    static final ColumnCodec INSTANT = new SimpleCodec<>(Instant.class, TemporalCodecs::zonedDdl,
            Types.TIMESTAMP_WITH_TIMEZONE, (ps, i, v, d) -> bindZoned(ps, i, v.atOffset(ZoneOffset.UTC), d),
            (rs, i, d) -> {
                OffsetDateTime value = readZoned(rs, i, d);
                return value == null ? null : value.toInstant();
            });

    private TemporalCodecs() {
    }

    private static String zonedDdl(Dialect dialect, ColumnSpec spec) {
        return dialect == Dialect.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6) WITH TIME ZONE";
    }

    private static void bindZoned(PreparedStatement ps, int index, OffsetDateTime value, Dialect dialect)
            throws SQLException {
        OffsetDateTime micros = value.truncatedTo(ChronoUnit.MICROS);
        if (dialect == Dialect.MARIADB) {
            ps.setObject(index, micros.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else {
            ps.setObject(index, micros);
        }
    }

    private static OffsetDateTime readZoned(ResultSet rs, int index, Dialect dialect) throws SQLException {
        if (dialect == Dialect.MARIADB) {
            LocalDateTime utc = rs.getObject(index, LocalDateTime.class);
            return utc == null ? null : utc.atOffset(ZoneOffset.UTC);
        }
        OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
