package io.athanor.servers.app;

import io.athanor.Session;
import io.athanor.servers.model.Entry;
import io.athanor.servers.model.Item;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Writes to both databases of the two-database deployment in one container-managed transaction. */
@Stateless
public class Transfers {
    @Inject
    Session session;

    public void both(String name) {
        session.add(new Item(name));
        session.add(new Entry(name));
    }

    public void bothThenFail(String name) {
        both(name);
        session.flush();
        throw new IllegalStateException("fails after both flushed");
    }
}
