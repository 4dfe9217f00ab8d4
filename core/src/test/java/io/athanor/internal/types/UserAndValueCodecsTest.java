package io.athanor.internal.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.athanor.types.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserAndValueCodecsTest extends CodecTestBase {

    /** Stores a Duration as its milliseconds. */
    public static final class DurationMillis implements ColumnType<Duration> {
        @Override
        public Class<Duration> javaType() {
            return Duration.class;
        }

        @Override
        public Class<?> storedAs() {
            return long.class;
        }

        @Override
        public Object toDatabase(Duration value) {
            return value.toMillis();
        }

        @Override
        public Duration fromDatabase(Object value) {
            return Duration.ofMillis((Long) value);
        }
    }

    @Test
    void userTypesLayerOnTheStoredCodec() throws SQLException {
        ColumnCodec codec = Codecs.user(new DurationMillis());
        assertEquals(Duration.class, codec.javaType());
        assertEquals("BIGINT", codec.ddlType(dialect(), ColumnSpec.DEFAULT));
        List<Duration> values = values(Duration.ofMillis(1500), Duration.ofDays(-3), null);
        assertEquals(values, roundTrip(codec, ColumnSpec.DEFAULT, values));
    }

    @Test
    void valuesBindByTheirRuntimeClass() throws SQLException {
        assertMatches(String.class, "Zoë ✓", "other");
        assertMatches(UUID.class, UUID.randomUUID(), UUID.randomUUID());
        assertMatches(ScalarCodecsTest.Color.class, ScalarCodecsTest.Color.CUSTOM, ScalarCodecsTest.Color.RED);
        assertMatches(LocalDateTime.class, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), LocalDateTime.of(2024, 1, 2, 3, 4));
        assertMatches(OffsetDateTime.class, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)),
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        assertMatches(Long.class, Long.MIN_VALUE, 0L);
    }

    /** Stores {@code stored} and {@code other}, then finds exactly the first with a parameter bound by forValue. */
    private <T> void assertMatches(Class<T> type, T stored, T other) throws SQLException {
        String table = createTable(Codecs.forJavaType(type), ColumnSpec.DEFAULT);
        try (Connection c = connect()) {
            insert(c, table, Codecs.forJavaType(type), values(stored, other, null));
            try (PreparedStatement ps = c.prepareStatement("select id from " + table + " where v = ?")) {
                Codecs.forValue(stored).bind(ps, 1, stored, dialect());
                assertEquals(List.of(0), ids(ps), type.getName());
                Codecs.forValue(null).bind(ps, 1, null, dialect());
                assertEquals(List.of(), ids(ps));
            }
            c.createStatement().execute("drop table " + table);
        }
    }

    @Test
    void otherValuesFallBackToSetObject() throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select ? + 1")) {
            Codecs.forValue(java.math.BigInteger.TEN).bind(ps, 1, java.math.BigInteger.TEN, dialect());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(11, rs.getInt(1));
            }
        }
    }

    private static List<Object> ids(PreparedStatement ps) throws SQLException {
        List<Object> ids = new java.util.ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }
}
