package io.athanor.servers.inheritance;

import static io.athanor.sql.Sql.select;

import io.athanor.Athanor;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.SessionTransaction;
import io.athanor.servers.inheritance.model.Contractor;
import io.athanor.servers.inheritance.model.Engineer;
import io.athanor.servers.inheritance.model.Manager;
import io.athanor.servers.inheritance.model.Staff;
import io.athanor.servers.inheritance.model.Staff_;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/** The mapped hierarchy through the request's session in container-managed transactions (REQUIRED unless noted). */
@Stateless
public class StaffBean {
    @Inject
    Session session;
    @Inject
    SessionMaker sessions;
    @Inject
    Hiring hiring;

    /** Creates the hierarchy's tables where the unit is bound, if missing; outside any transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void createTables() {
        try (Session s = sessions.open()) {
            sessions.registry().createAll(s.getBind(Staff.class));
        }
    }

    /** One instance of each concrete class; committed by the container when the method returns. */
    public void hire() {
        session.add(new Manager("ann", 100));
        session.add(new Engineer("bob", "java"));
        session.add(new Contractor("cid", "acme"));
    }

    /** Every row, selected through the abstract base: each described by the class it was loaded as. */
    public List<String> everyone() {
        return describe(session.scalars(select(Staff.class).orderBy(Staff_.name)).all());
    }

    /** The rows of one class of the hierarchy. */
    public List<String> only(Class<? extends Staff> type) {
        return describe(session.scalars(select(type).orderBy(Staff_.name)).all());
    }

    /** {@code get} through the base by key: the instance of the row's class. */
    public String byKey(long id) {
        Staff s = session.get(Staff.class, id);
        return s == null ? null : s.describe();
    }

    private static List<String> describe(List<? extends Staff> staff) {
        return staff.stream().map(Staff::describe).toList();
    }

    /**
     * A manager kept, then a contractor added and flushed in a {@code @SubTransaction} that fails; returns whether
     * the contractor is transient again afterwards.
     */
    public boolean contractorUndoneBySubTransaction(String kept, String undone) {
        session.add(new Manager(kept, 1));
        session.flush();
        Contractor c = new Contractor(undone, "temp");
        try {
            hiring.addAndFail(c);
        } catch (IllegalStateException expected) {
            // the savepoint was rolled back
        }
        return Athanor.inspect(c).isTransient();
    }

    /** The same through {@code beginNested()}: an engineer kept, a contractor rolled back to the savepoint. */
    public boolean contractorUndoneByBeginNested(String kept, String undone) {
        session.add(new Engineer(kept, "go"));
        session.flush();
        Contractor c = new Contractor(undone, "temp");
        try (SessionTransaction sp = session.beginNested()) {
            session.add(c);
            session.flush();
            sp.rollback();
        }
        return Athanor.inspect(c).isTransient();
    }
}
