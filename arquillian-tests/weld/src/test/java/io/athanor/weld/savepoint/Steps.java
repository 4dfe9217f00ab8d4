package io.athanor.weld.savepoint;

import io.athanor.Session;
import io.athanor.cdi.SubTransaction;
import io.athanor.weld.model.Item;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code @SubTransaction} methods; {@code self} goes through the interceptors when they call each other. */
@ApplicationScoped
public class Steps {
    @Inject
    Session session;
    @Inject
    io.athanor.jta.SubTransaction current;
    @Inject
    Events events;
    @Inject
    Steps self;

    private void add(String name) {
        session.add(new Item(name));
        current.onRelease(() -> events.add("released " + name));
        current.onRollback(() -> events.add("rolled back " + name));
    }

    @SubTransaction
    public void addAndFail(String name) {
        add(name);
        session.flush();
        throw new IllegalStateException("fails inside the savepoint");
    }

    /** Adds a name that exists already: the flush fails inside the savepoint. */
    @SubTransaction
    public void addDuplicate(String name) {
        add(name);
        session.flush();
    }

    @SubTransaction
    public void level1() {
        add("level-1");
        self.level2();
    }

    @SubTransaction
    public void level2() {
        add("level-2");
        try {
            self.level3();
        } catch (IllegalStateException expected) {
            events.add("level-2 caught " + expected.getMessage());
        }
    }

    @SubTransaction
    public void level3() {
        add("level-3");
        session.flush();
        throw new IllegalStateException("level-3 fails");
    }

    @SubTransaction(dontRollbackOn = IllegalArgumentException.class)
    public void keptDespite(String name) {
        add(name);
        throw new IllegalArgumentException("does not roll back");
    }
}
