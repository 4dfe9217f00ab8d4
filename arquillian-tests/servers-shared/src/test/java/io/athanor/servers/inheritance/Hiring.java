package io.athanor.servers.inheritance;

import io.athanor.Session;
import io.athanor.cdi.SubTransaction;
import io.athanor.servers.inheritance.model.Staff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A CDI step run in a savepoint of the caller's container-managed transaction. */
@ApplicationScoped
public class Hiring {
    @Inject
    Session session;

    @SubTransaction
    public void addAndFail(Staff s) {
        session.add(s);
        session.flush();
        throw new IllegalStateException("fails inside the savepoint");
    }
}
