package io.athanor.servers.app;

import io.athanor.Session;
import io.athanor.servers.model.Item;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A CDI bean with the server's @Transactional interceptors. */
@ApplicationScoped
public class TransactionalItems {
    @Inject
    Session session;

    @Transactional
    public void create(String name) {
        session.add(new Item(name));
    }

    @Transactional
    public void createAndFail(String name) {
        session.add(new Item(name));
        session.flush();
        throw new IllegalStateException("fails after the flush");
    }

    @Transactional(dontRollbackOn = IllegalArgumentException.class)
    public void createAndFailKept(String name) {
        session.add(new Item(name));
        throw new IllegalArgumentException("dontRollbackOn");
    }
}
