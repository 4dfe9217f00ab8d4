package io.athanor.servers.app;

import io.athanor.Session;
import io.athanor.servers.model.Item;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Single-action, non-persistent timers; each timeout adds an item with its own session and reports what it saw. */
@Stateless
public class TimerBean {
    private static final BlockingQueue<Observation> OBSERVATIONS = new LinkedBlockingQueue<>();

    @Resource
    TimerService timerService;
    @Inject
    Session session;

    public void schedule(String name) {
        timerService.createSingleActionTimer(20, new TimerConfig(name, false));
    }

    @Timeout
    void fire(Timer timer) {
        String name = (String) timer.getInfo();
        Observation seen = Observation.of("timer " + name, session);
        session.add(new Item(name)); // flushed by the commit that follows the timeout
        OBSERVATIONS.add(seen);
    }

    /** What the timeouts saw so far (each commits after reporting). */
    public static BlockingQueue<Observation> observations() {
        return OBSERVATIONS;
    }
}
