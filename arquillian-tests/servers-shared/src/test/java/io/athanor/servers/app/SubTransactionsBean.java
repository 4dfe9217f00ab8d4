package io.athanor.servers.app;

import io.athanor.IntegrityException;
import io.athanor.Session;
import io.athanor.SessionTransaction;
import io.athanor.servers.model.Item;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Outer CMT (REQUIRED) methods whose inner work fails in a savepoint; the outer work commits. */
@Stateless
public class SubTransactionsBean {
    @Inject
    Session session;
    @Inject
    Steps steps;
    @EJB
    StepsBean stepsBean;

    /** Returns the instances pending at the end: the inner one was expunged with its savepoint. */
    public List<String> cdiStepFails() {
        session.add(new Item("outer-1"));
        try {
            steps.addAndFail("inner");
        } catch (IllegalStateException expected) {
            // rolled back to the savepoint
        }
        session.add(new Item("outer-2"));
        return names(session.getNew());
    }

    public List<String> ejbStepFails() {
        session.add(new Item("ejb-outer-1"));
        try {
            stepsBean.addAndFail("ejb-inner");
        } catch (StepFailed expected) {
            // rolled back to the savepoint
        }
        session.add(new Item("ejb-outer-2"));
        return names(session.getNew());
    }

    /** A constraint error inside the savepoint: on PostgreSQL the transaction stays usable only thanks to it. */
    public void duplicateInSubTransaction() {
        session.add(new Item("dup"));
        session.flush();
        try {
            steps.addDuplicate("dup");
        } catch (IntegrityException expected) {
            // rolled back to the savepoint
        }
        session.add(new Item("after-dup"));
    }

    /** beginNested() by hand; returns whether the duplicate is still in the session. */
    public boolean beginNestedWithDuplicate() {
        session.add(new Item("first"));
        session.flush();
        Item again = new Item("first");
        try (SessionTransaction sp = session.beginNested()) {
            session.add(again);
            sp.commit();
        } catch (IntegrityException expected) {
            // ROLLBACK TO SAVEPOINT; "again" left the session
        }
        session.add(new Item("second"));
        return session.contains(again);
    }

    private static List<String> names(Iterable<Object> instances) {
        List<String> names = new ArrayList<>();
        for (Object o : instances) {
            names.add(((Item) o).name());
        }
        return names;
    }
}
