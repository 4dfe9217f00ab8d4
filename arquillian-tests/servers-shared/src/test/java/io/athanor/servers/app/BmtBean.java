package io.athanor.servers.app;

import io.athanor.Session;
import io.athanor.servers.model.Item;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

/** Bean-managed transactions: the session joins what UserTransaction begins. */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class BmtBean {
    @Resource
    UserTransaction utx;
    @Inject
    Session session;

    /**
     * Two transactions in one call: the first commits, the second rolls back; returns whether the second's item is still
     * in the session.
     */
    public boolean commitThenRollback(String kept, String lost) throws Exception {
        utx.begin();
        session.add(new Item(kept));
        utx.commit();
        utx.begin();
        Item item = new Item(lost);
        session.add(item);
        session.flush();
        utx.rollback();
        return session.contains(item);
    }
}
