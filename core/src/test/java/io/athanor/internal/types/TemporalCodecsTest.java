package io.athanor.internal.types;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs in a JVM zone with DST and a half-hour offset, so zone conversions in drivers would show. */
class TemporalCodecsTest extends CodecTestBase {
    private static TimeZone saved;

    @BeforeAll
    static void awayFromUtc() {
        saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(saved);
    }

    @Test
    void localDates() throws SQLException {
        assertRoundTrip(LocalDate.class, values(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31),
                LocalDate.of(2024, 2, 29), LocalDate.of(1970, 1, 1), LocalDate.of(1582, 10, 15), null));
    }

    @Test
    void localDateTimesAtMicroseconds() throws SQLException {
        assertRoundTrip(LocalDateTime.class, ColumnSpec.DEFAULT, values(
                LocalDateTime.of(1000, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_789),
                LocalDateTime.of(2024, 3, 10, 2, 30, 0, 1_000), // a DST gap in America/St_Johns
                LocalDateTime.of(2024, 11, 3, 1, 30), // a DST overlap
                null), v -> v.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void offsetDateTimesKeepTheInstantAtUtc() throws SQLException {
        assertRoundTrip(OffsetDateTime.class, ColumnSpec.DEFAULT, values(
                OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30)),
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(1000, 1, 2, 0, 0, 0, 0, ZoneOffset.ofHours(-8)),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 3, 10, 2, 30, 0, 0, ZoneOffset.ofHours(-14)),
                null), v -> v.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void instants() throws SQLException {
        assertRoundTrip(Instant.class, ColumnSpec.DEFAULT, values(
                Instant.parse("2024-06-01T12:00:00.123456789Z"), Instant.EPOCH,
                Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.ofEpochSecond(-1, 1_000), null), v -> v.truncatedTo(ChronoUnit.MICROS));
    }
}
