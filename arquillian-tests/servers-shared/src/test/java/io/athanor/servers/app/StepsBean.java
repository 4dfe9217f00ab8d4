package io.athanor.servers.app;

import io.athanor.Session;
import io.athanor.cdi.SubTransaction;
import io.athanor.servers.model.Item;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * An EJB whose method runs in a savepoint. It throws a checked exception, an application exception: a
 * system exception from an EJB called in the caller's transaction would mark that transaction rollback-only.
 */
@Stateless
public class StepsBean {
    @Inject
    Session session;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @SubTransaction(rollbackOn = StepFailed.class)
    public void addAndFail(String name) throws StepFailed {
        session.add(new Item(name));
        session.flush();
        throw new StepFailed("the inner EJB step fails");
    }
}
