package io.athanor.internal.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.athanor.Dialect;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScalarCodecsTest extends CodecTestBase {
    static final String UNICODE = "Zoë «ünïcödé» ✓ 日本語 😀 'single' \"double\" back\\slash";

    enum Color {
        RED, GREEN, BLUE_GREEN,
        CUSTOM {
            @Override
            public String toString() {
                return "custom";
            }
        }
    }

    @Test
    void strings() throws SQLException {
        assertRoundTrip(String.class, values("", "a", UNICODE, null, " padded ", "x".repeat(255),
                "😀".repeat(127) + "x", "line\nbreak\ttab"));
    }

    @Test
    void longStringsBecomeText() throws SQLException {
        String big = (UNICODE + "\n").repeat(2_000);
        assertRoundTrip(String.class, ColumnSpec.ofLength(Integer.MAX_VALUE), values(big, "", null), v -> v);
        String justAbove = "é".repeat(SqlTypes.MARIADB_MAX_VARCHAR + 1);
        assertRoundTrip(String.class, ColumnSpec.ofLength(SqlTypes.MARIADB_MAX_VARCHAR + 1), values(justAbove), v -> v);
    }

    @Test
    void integers() throws SQLException {
        assertRoundTrip(Integer.class, values(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, null));
        assertRoundTrip(Long.class, values(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, null));
        assertRoundTrip(Short.class, values((short) 0, (short) -1, Short.MAX_VALUE, Short.MIN_VALUE, null));
        assertRoundTrip(Boolean.class, values(true, false, null));
    }

    @Test
    void primitivesShareTheWrapperCodecs() throws SQLException {
        assertEquals(Codecs.forJavaType(Integer.class), Codecs.forJavaType(int.class));
        assertEquals(Codecs.forJavaType(Boolean.class), Codecs.forJavaType(boolean.class));
        assertEquals(values(7, null), roundTrip(Codecs.forJavaType(int.class), ColumnSpec.DEFAULT, values(7, null)));
    }

    @Test
    void floatingPoint() throws SQLException {
        assertRoundTrip(Double.class, values(0.0, -1.5, Math.PI, 1e-300, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.MIN_NORMAL, null));
        assertRoundTrip(Float.class, values(0.0f, -3.5f, 1.2345678f, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.MIN_NORMAL, 0.1f, null));
    }

    @Test
    void nonFiniteDoublesExceptOnMariaDb() throws SQLException {
        assumeTrue(dialect() != Dialect.MARIADB, "MariaDB has no NaN or infinity");
        assertRoundTrip(Double.class, values(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertRoundTrip(Float.class, values(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
    }

    @Test
    void decimals() throws SQLException {
        assertRoundTrip(BigDecimal.class, ColumnSpec.DEFAULT,
                values(new BigDecimal("12345678901234567.89"), new BigDecimal("-0.01"), BigDecimal.ZERO,
                        new BigDecimal("1.5"), new BigDecimal("-99999999999999999.99"), null),
                v -> v.setScale(2, RoundingMode.UNNECESSARY));
        assertRoundTrip(BigDecimal.class, ColumnSpec.ofPrecision(38, 10),
                values(new BigDecimal("1234567890123456789012345678.0123456789"),
                        new BigDecimal("-1234567890123456789012345678.0123456789"),
                        new BigDecimal("0.0000000001"), new BigDecimal("1E+20")),
                v -> v.setScale(10, RoundingMode.UNNECESSARY));
        assertRoundTrip(BigDecimal.class, ColumnSpec.ofPrecision(10, 0), values(new BigDecimal("-9999999999")),
                v -> v);
    }

    @Test
    void uuids() throws SQLException {
        assertRoundTrip(UUID.class, values(UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), null));
    }

    @Test
    void bytes() throws SQLException {
        byte[] random = new byte[1000];
        new Random(42).nextBytes(random);
        assertRoundTrip(byte[].class, ColumnSpec.ofLength(1000),
                values(new byte[0], new byte[] {0, -1, 127, -128}, random, null), v -> v);
        byte[] big = new byte[200_000];
        new Random(7).nextBytes(big);
        assertRoundTrip(byte[].class, ColumnSpec.ofLength(Integer.MAX_VALUE), values(big, null), v -> v);
    }

    @Test
    void enumsByName() throws SQLException {
        assertRoundTrip(Color.class, ColumnSpec.ofLength(20), values(Color.RED, Color.BLUE_GREEN, Color.CUSTOM, null),
                v -> v);
        assertEquals("VARCHAR(20)", Codecs.forJavaType(Color.class).ddlType(dialect(), ColumnSpec.ofLength(20)));
    }
}
