package io.athanor.core;

import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.core.model.Document;
import io.athanor.core.model.Everything;
import io.athanor.core.model.Everything_;
import io.athanor.core.model.Money;
import io.athanor.core.model.Status;
import io.athanor.core.model.TestModel;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Every supported Java type survives a round trip through a session, and can be queried. */
@AllDatabases
class TypesTest {
    @Parameter
    DatabaseHandle db;

    SessionMaker sessions;
    SessionMaker setup;

    @BeforeEach
    void setUp() {
        var engine = TestModel.freshEngine(db);
        sessions = TestModel.sessions(engine);
        setup = TestModel.keepLoaded(engine);
    }

    @Test
    void everyTypeRoundTrips() {
        Everything e = new Everything();
        e.id = UUID.randomUUID();
        e.text = "grüße \"quoted\" 'single' \\ ✓";
        e.boxedInt = Integer.MIN_VALUE;
        e.primitiveInt = 42;
        e.boxedLong = Long.MAX_VALUE;
        e.primitiveLong = -7L;
        e.shortValue = (short) 12;
        e.boxedBool = Boolean.FALSE;
        e.primitiveBool = true;
        e.doubleValue = 3.5;
        e.floatValue = 1.25f;
        e.decimal = new BigDecimal("1234567890123.4567");
        e.date = LocalDate.of(1999, 12, 31);
        e.dateTime = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000);
        e.offsetDateTime = OffsetDateTime.of(2024, 3, 1, 8, 0, 0, 500_000_000, ZoneOffset.ofHours(5));
        e.instant = Instant.parse("2025-06-30T23:59:59.654321Z");
        e.bytes = new byte[] {0, 1, -1, 127, -128};
        e.status = Status.SUSPENDED;
        e.tags = List.of("a", "b \"c\"", "ü");
        e.price = new Money(new BigDecimal("19.99"));
        setup.transaction(s -> s.add(e));
        try (Session s = sessions.open()) {
            Everything l = s.get(Everything.class, e.id);
            assertEquals(e.text, l.text);
            assertEquals(e.boxedInt, l.boxedInt);
            assertEquals(42, l.primitiveInt);
            assertEquals(e.boxedLong, l.boxedLong);
            assertEquals(-7L, l.primitiveLong);
            assertEquals(e.shortValue, l.shortValue);
            assertEquals(Boolean.FALSE, l.boxedBool);
            assertEquals(true, l.primitiveBool);
            assertEquals(3.5, l.doubleValue);
            assertEquals(1.25f, l.floatValue);
            assertEquals(0, e.decimal.compareTo(l.decimal));
            assertEquals(e.date, l.date);
            assertEquals(e.dateTime, l.dateTime);
            assertEquals(e.offsetDateTime.toInstant(), l.offsetDateTime.toInstant());
            assertEquals(e.instant, l.instant);
            assertArrayEquals(e.bytes, l.bytes);
            assertEquals(Status.SUSPENDED, l.status);
            assertEquals(e.tags, l.tags);
            assertEquals(e.price, l.price);
            assertEquals(e.id, s.scalars(select(Everything.class).where(Everything_.status.eq(Status.SUSPENDED)))
                    .one().id);
            assertEquals(e.id, s.scalars(select(Everything.class).where(Everything_.price.eq(e.price))).one().id);
            assertEquals(e.id, s.scalars(select(Everything.class).where(Everything_.date.eq(e.date))).one().id);
        }
    }

    @Test
    void nullsAndPrimitiveDefaults() {
        Everything e = new Everything();
        e.id = UUID.randomUUID();
        setup.transaction(s -> s.add(e));
        try (Session s = sessions.open()) {
            Everything l = s.get(Everything.class, e.id);
            assertNull(l.text);
            assertNull(l.tags);
            assertNull(l.price);
            assertNull(l.status);
            assertEquals(0, l.primitiveInt);
        }
    }

    @Test
    void jsonDocumentsRoundTrip() {
        Document d = new Document("spec");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", "Ünïcode \"quotes\"");
        data.put("count", 3);
        data.put("nested", Map.of("list", List.of(1, 2, 3)));
        d.data = data;
        setup.transaction(s -> s.add(d));
        try (Session s = sessions.open()) {
            Document l = s.get(Document.class, d.id);
            assertEquals("Ünïcode \"quotes\"", l.data.get("title"));
            assertEquals(3, ((Number) l.data.get("count")).intValue());
            assertEquals(List.of(1, 2, 3), ((List<?>) ((Map<?, ?>) l.data.get("nested")).get("list")).stream()
                    .map(n -> ((Number) n).intValue()).toList());
        }
    }
}
