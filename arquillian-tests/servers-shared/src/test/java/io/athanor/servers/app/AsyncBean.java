package io.athanor.servers.app;

import io.athanor.Session;
import io.athanor.servers.model.Item;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.concurrent.Future;

/** An asynchronous method: its own request context, so its own session, in its own transaction. */
@Stateless
public class AsyncBean {
    @Inject
    Session session;

    @Asynchronous
    public Future<Observation> add(String name) {
        Observation seen = Observation.of("async " + name, session);
        session.add(new Item(name));
        return new AsyncResult<>(seen);
    }
}
