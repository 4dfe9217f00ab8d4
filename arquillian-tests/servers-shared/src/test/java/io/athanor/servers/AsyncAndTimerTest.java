package io.athanor.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.servers.app.Observation;
import io.athanor.servers.app.RequestScenarios;
import io.athanor.servers.app.Tables;
import io.athanor.servers.app.TimerBean;
import io.athanor.servers.support.Deployments;
import io.athanor.servers.support.Rows;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** @Asynchronous methods and EJB timers: the request context is active there, and each has a session of its own. */
@ExtendWith(ArquillianExtension.class)
class AsyncAndTimerTest {
    @Deployment
    static WebArchive deployment() {
        return Deployments.war("async", Deployments.defaultDataSource(), AsyncAndTimerTest.class);
    }

    @Inject
    RequestScenarios scenarios;
    @Inject
    Tables tables;

    private static List<String> rows() {
        return Rows.names(Rows.defaultUnit(), "srv_items", "name");
    }

    /** The rows once there are {@code count}: the container commits after the method has returned. */
    private static List<String> rowsOnceThereAre(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (rows().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return rows();
    }

    @Test
    void asynchronousMethods() throws Exception {
        tables.reset();
        List<Observation> seen = scenarios.asynchronous("async-1", "async-2");
        assertTrue(seen.stream().allMatch(Observation::requestActive), seen.toString());
        assertEquals(3, seen.stream().map(Observation::session).distinct().count(), "caller and each call: " + seen);
        assertEquals(List.of("async-1", "async-2"), rowsOnceThereAre(2));
    }

    @Test
    void timers() throws Exception {
        tables.reset();
        TimerBean.observations().clear();
        Observation caller = scenarios.schedule("timer-1", "timer-2");
        List<Observation> seen = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Observation o = TimerBean.observations().poll(30, TimeUnit.SECONDS);
            assertNotNull(o, "timer " + (i + 1) + " fired within 30 s");
            seen.add(o);
        }
        assertTrue(seen.stream().allMatch(Observation::requestActive), seen.toString());
        Set<String> sessions = new HashSet<>();
        sessions.add(caller.session());
        seen.forEach(o -> sessions.add(o.session()));
        assertEquals(3, sessions.size(), "caller and each timeout: " + seen);
        assertEquals(List.of("timer-1", "timer-2"), rowsOnceThereAre(2));
    }
}
