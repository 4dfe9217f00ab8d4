package io.athanor.weld.xa;

import io.athanor.Session;
import io.athanor.weld.model.Item;
import io.athanor.weld.model.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** One session writing to two databases (Item on the first, Ledger bound to the second). */
@ApplicationScoped
public class Transfers {
    @Inject
    Session session;

    @Transactional
    public void both(String name) {
        session.add(new Item(name));
        session.add(new Ledger(name));
    }

    @Transactional
    public void bothThenFail(String name) {
        both(name);
        session.flush();
        throw new IllegalStateException("after both were written");
    }
}
