package io.athanor.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.core.model.TestModel;
import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.types.ColumnType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** A session used by two threads at once fails fast instead of corrupting its state. */
@AllDatabases
class ConcurrencyGuardTest {
    static CountDownLatch inside;
    static CountDownLatch release;

    @Parameter
    DatabaseHandle db;

    /** A column type whose conversion parks the flushing thread until the test releases it. */
    public static class ParkingType implements ColumnType<String> {
        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        public Class<?> storedAs() {
            return String.class;
        }

        @Override
        public Object toDatabase(String value) {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        }

        @Override
        public String fromDatabase(Object value) {
            return (String) value;
        }
    }

    @Mapped(table = "parked")
    static class Parked {
        @Id
        Long id;
        @Column(type = ParkingType.class)
        String value;
    }

    @Test
    void secondThreadIsRefusedWhileTheFirstIsFlushing() throws Exception {
        Engine engine = TestModel.freshEngine(db);
        Registry registry = Registry.of(Parked.class);
        registry.dropAll(engine);
        registry.createAll(engine);
        SessionMaker sessions = SessionMaker.builder(registry).bind(engine).build();
        inside = new CountDownLatch(1);
        release = new CountDownLatch(1);
        try (Session s = sessions.open()) {
            Parked p = new Parked();
            p.value = "v";
            s.add(p);
            CompletableFuture<Void> flushing = CompletableFuture.runAsync(s::commit);
            assertTrue(inside.await(10, TimeUnit.SECONDS), "the first thread reached the flush");
            InvalidRequestException refused;
            try {
                refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                        () -> s.add(new Parked()));
            } finally {
                release.countDown();
            }
            flushing.get(10, TimeUnit.SECONDS);
            assertTrue(refused.getMessage().startsWith("ATHANOR-2002: this session is being used by thread"),
                    refused.getMessage());
            assertNotNull(p.id, "the first thread's commit completed undisturbed");
        } finally {
            registry.dropAll(engine);
        }
    }
}
