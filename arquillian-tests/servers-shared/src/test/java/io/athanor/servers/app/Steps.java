package io.athanor.servers.app;

import io.athanor.Session;
import io.athanor.cdi.SubTransaction;
import io.athanor.servers.model.Item;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A CDI bean whose methods run in savepoints. */
@ApplicationScoped
public class Steps {
    @Inject
    Session session;

    @SubTransaction
    public void addAndFail(String name) {
        session.add(new Item(name));
        session.flush();
        throw new IllegalStateException("the inner step fails");
    }

    /** A duplicate name: a constraint error inside the savepoint. */
    @SubTransaction
    public void addDuplicate(String name) {
        session.add(new Item(name));
        session.flush();
    }
}
