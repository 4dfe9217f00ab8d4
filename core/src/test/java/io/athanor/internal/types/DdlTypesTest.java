package io.athanor.internal.types;

import static io.athanor.Dialect.H2;
import static io.athanor.Dialect.MARIADB;
import static io.athanor.Dialect.POSTGRESQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.athanor.Dialect;
import io.athanor.types.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DDL rules and lookups, without a database. */
class DdlTypesTest {

    private static String ddl(Class<?> type, Dialect dialect, ColumnSpec spec) {
        return Codecs.forJavaType(type).ddlType(dialect, spec);
    }

    @Test
    void stringsBecomeTextAboveTheVarcharLimit() {
        assertEquals("VARCHAR(255)", ddl(String.class, POSTGRESQL, ColumnSpec.DEFAULT));
        assertEquals("VARCHAR(10485760)", ddl(String.class, POSTGRESQL, ColumnSpec.ofLength(10_485_760)));
        assertEquals("TEXT", ddl(String.class, POSTGRESQL, ColumnSpec.ofLength(10_485_761)));
        assertEquals("VARCHAR(1000000000)", ddl(String.class, H2, ColumnSpec.ofLength(1_000_000_000)));
        assertEquals("CLOB", ddl(String.class, H2, ColumnSpec.ofLength(1_000_000_001)));
        assertEquals("VARCHAR(16383)", ddl(String.class, MARIADB, ColumnSpec.ofLength(16_383)));
        assertEquals("LONGTEXT", ddl(String.class, MARIADB, ColumnSpec.ofLength(16_384)));
    }

    @Test
    void binaries() {
        assertEquals("BYTEA", ddl(byte[].class, POSTGRESQL, ColumnSpec.ofLength(Integer.MAX_VALUE)));
        assertEquals("VARBINARY(255)", ddl(byte[].class, H2, ColumnSpec.DEFAULT));
        assertEquals("BLOB", ddl(byte[].class, H2, ColumnSpec.ofLength(Integer.MAX_VALUE)));
        assertEquals("VARBINARY(16383)", ddl(byte[].class, MARIADB, ColumnSpec.ofLength(16_383)));
        assertEquals("LONGBLOB", ddl(byte[].class, MARIADB, ColumnSpec.ofLength(16_384)));
    }

    @Test
    void numbersAndTimes() {
        assertEquals("NUMERIC(19, 2)", ddl(BigDecimal.class, MARIADB, ColumnSpec.DEFAULT));
        assertEquals("NUMERIC(38, 0)", ddl(BigDecimal.class, H2, ColumnSpec.ofPrecision(38, 0)));
        assertEquals("DOUBLE PRECISION", ddl(double.class, POSTGRESQL, ColumnSpec.DEFAULT));
        assertEquals("DOUBLE", ddl(float.class, MARIADB, ColumnSpec.DEFAULT));
        assertEquals("REAL", ddl(Float.class, H2, ColumnSpec.DEFAULT));
        assertEquals("TIMESTAMP(6)", ddl(LocalDateTime.class, POSTGRESQL, ColumnSpec.DEFAULT));
        assertEquals("DATETIME(6)", ddl(LocalDateTime.class, MARIADB, ColumnSpec.DEFAULT));
        assertEquals("TIMESTAMP(6) WITH TIME ZONE", ddl(OffsetDateTime.class, H2, ColumnSpec.DEFAULT));
        assertEquals("DATETIME(6)", ddl(Instant.class, MARIADB, ColumnSpec.DEFAULT));
        assertEquals("UUID", ddl(UUID.class, MARIADB, ColumnSpec.DEFAULT));
    }

    @Test
    void lookups() {
        assertSame(Codecs.forJavaType(long.class), Codecs.forJavaType(Long.class));
        assertSame(Codecs.forJavaType(ScalarCodecsTest.Color.class), Codecs.forJavaType(ScalarCodecsTest.Color.class));
        assertSame(Codecs.forJavaType(ScalarCodecsTest.Color.class), Codecs.forValue(ScalarCodecsTest.Color.CUSTOM));
        assertNull(Codecs.forJavaType(Object.class));
        assertNull(Codecs.forJavaType(List.class));
        assertEquals(Object.class, Codecs.forValue(List.of()).javaType());
    }

    @Test
    void userTypesNeedABuiltInStoredType() {
        ColumnType<String> bad = new ColumnType<>() {
            @Override
            public Class<String> javaType() {
                return String.class;
            }

            @Override
            public Class<?> storedAs() {
                return List.class;
            }

            @Override
            public Object toDatabase(String value) {
                return List.of(value);
            }

            @Override
            public String fromDatabase(Object value) {
                return value.toString();
            }
        };
        assertThrows(IllegalArgumentException.class, () -> Codecs.user(bad));
    }
}
