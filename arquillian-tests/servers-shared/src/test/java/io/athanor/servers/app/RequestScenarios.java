package io.athanor.servers.app;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.servers.model.Item;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Future;

/** Several calls in one request (one EJB invocation), to compare the sessions they used. */
@Stateless
public class RequestScenarios {
    @Inject
    Session session;
    @Inject
    SessionMaker sessions;
    @EJB
    ItemsBean items;
    @EJB
    AsyncBean async;
    @EJB
    TimerBean timers;

    /** REQUIRED commits, then REQUIRES_NEW: two session transactions of the request's session, one after the other. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> requiredThenRequiresNew(String first, String second) {
        return List.of(items.required(first), items.requiresNew(second), session.toString());
    }

    /** REQUIRED calling MANDATORY: one transaction, one session. */
    public List<String> requiredCallsMandatory(String outer, String inner) {
        session.add(new Item(outer));
        return List.of(session.toString(), items.mandatory(inner));
    }

    /**
     * REQUIRED, and inside it REQUIRES_NEW work on a session of its own (SessionMaker.open()): it commits although the
     * outer transaction then rolls back.
     */
    public void outerRollsBackInnerRequiresNewCommits(String outer, String inner) {
        session.add(new Item(outer));
        session.flush();
        items.requiresNewOwnSession(inner);
        throw new IllegalStateException("the outer transaction fails");
    }

    /** The caller's session and what an @Asynchronous method saw, twice. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Observation> asynchronous(String a, String b) throws Exception {
        Observation caller = Observation.of("caller", session);
        Future<Observation> first = async.add(a);
        Future<Observation> second = async.add(b);
        return List.of(caller, first.get(), second.get());
    }

    /** The caller's session; the timers report to {@link TimerBean#observations()}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Observation schedule(String... names) {
        for (String name : names) {
            timers.schedule(name);
        }
        return Observation.of("caller", session);
    }
}
