package io.athanor.servers.app;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.servers.model.Item;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Container-managed transactions around the request-scoped session; each method returns the session it used. */
@Stateless
public class ItemsBean {
    @Inject
    Session session;
    @Inject
    SessionMaker sessions;

    public String required(String name) {
        session.add(new Item(name));
        return session.toString();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String requiresNew(String name) {
        session.add(new Item(name));
        return session.toString();
    }

    /** A new transaction with a session of its own, closed before the method returns. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void requiresNewOwnSession(String name) {
        try (Session own = sessions.open()) {
            own.add(new Item(name));
            own.flush();
        }
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String mandatory(String name) {
        session.add(new Item(name));
        return session.toString();
    }

    /** No JTA transaction: the session runs a resource-local one, committed here. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String notSupported(String name) {
        session.add(new Item(name));
        session.commit();
        return session.toString();
    }

    /** The same without committing: the work is lost when the request ends and the session closes. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void notSupportedUncommitted(String name) {
        session.add(new Item(name));
        session.flush();
    }

    public void systemException(String name) {
        session.add(new Item(name));
        session.flush();
        throw new IllegalStateException("a system exception after the flush");
    }

    public void ejbException(String name) {
        session.add(new Item(name));
        throw new EJBException("an EJBException before the flush");
    }

    public void keptException(String name) {
        session.add(new Item(name));
        throw new Kept("an application exception with rollback = false");
    }

    public void undoneException(String name) throws Undone {
        session.add(new Item(name));
        session.flush();
        throw new Undone("an application exception with rollback = true");
    }
}
