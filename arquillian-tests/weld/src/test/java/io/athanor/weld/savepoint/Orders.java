package io.athanor.weld.savepoint;

import io.athanor.IntegrityException;
import io.athanor.Session;
import io.athanor.SessionTransaction;
import io.athanor.weld.model.Item;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Outer {@code @Transactional} methods that call sub-transactions and carry on after their failures. */
@ApplicationScoped
public class Orders {
    @Inject
    Session session;
    @Inject
    Steps steps;

    /** Returns the instances made inside the failed savepoint, to check their state afterwards. */
    @Transactional
    public List<Object> innerFailureThenOuterWork() {
        session.add(new Item("outer-1"));
        try {
            steps.addAndFail("inner");
        } catch (IllegalStateException expected) {
            // the savepoint was rolled back; the transaction goes on
        }
        session.add(new Item("outer-2"));
        return new ArrayList<>(session.getNew());
    }

    @Transactional
    public void duplicateInsideSubTransaction() {
        session.add(new Item("dup"));
        session.flush();
        try {
            steps.addDuplicate("dup");
        } catch (IntegrityException expected) {
            // rolled back to the savepoint: on PostgreSQL the branch is usable again
        }
        session.add(new Item("after-dup"));
    }

    @Transactional
    public void threeDeep() {
        session.add(new Item("level-0"));
        steps.level1();
    }

    @Transactional
    public void dontRollbackOn() {
        try {
            steps.keptDespite("kept");
        } catch (IllegalArgumentException expected) {
            // released: dontRollbackOn
        }
    }

    @Transactional
    public boolean beginNestedWithDuplicate() {
        session.add(new Item("first"));
        session.flush();
        Item again = new Item("first");
        try (SessionTransaction sp = session.beginNested()) {
            session.add(again);
            sp.commit();
        } catch (IntegrityException expected) {
            // ROLLBACK TO SAVEPOINT, and "again" left the session
        }
        session.add(new Item("second"));
        return session.contains(again);
    }
}
