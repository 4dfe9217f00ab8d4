package io.athanor.weld.inheritance;

import static io.athanor.sql.Sql.select;

import io.athanor.Athanor;
import io.athanor.Session;
import io.athanor.SessionTransaction;
import io.athanor.cdi.SubTransaction;
import io.athanor.weld.inheritance.model.Contractor;
import io.athanor.weld.inheritance.model.Engineer;
import io.athanor.weld.inheritance.model.Manager;
import io.athanor.weld.inheritance.model.Staff;
import io.athanor.weld.inheritance.model.Staff_;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Writes and reads the hierarchy through the request's session in {@code @Transactional} methods;
 * {@code self} goes through the interceptors for {@code @SubTransaction}.
 */
@ApplicationScoped
public class Crew {
    @Inject
    Session session;
    @Inject
    Crew self;

    /** One instance of each concrete class; committed when the method returns. */
    @Transactional
    public void hire() {
        session.add(new Manager("ann", 100));
        session.add(new Engineer("bob", "java"));
        session.add(new Contractor("cid", "acme"));
    }

    /** Every row, selected through the abstract base: each described by the class it was loaded as. */
    @Transactional
    public List<String> everyone() {
        return describe(session.scalars(select(Staff.class).orderBy(Staff_.name)).all());
    }

    /** The rows of one class of the hierarchy. */
    @Transactional
    public List<String> only(Class<? extends Staff> type) {
        return describe(session.scalars(select(type).orderBy(Staff_.name)).all());
    }

    /** {@code get} through the base by key: the instance of the row's class. */
    @Transactional
    public String byKey(long id) {
        Staff s = session.get(Staff.class, id);
        return s == null ? null : s.describe();
    }

    private static List<String> describe(List<? extends Staff> staff) {
        return staff.stream().map(Staff::describe).toList();
    }

    /**
     * A manager kept, then a contractor added and flushed in a {@code @SubTransaction} that fails; returns
     * whether the contractor is transient again afterwards.
     */
    @Transactional
    public boolean contractorUndoneBySubTransaction(String kept, String undone) {
        session.add(new Manager(kept, 1));
        session.flush();
        Contractor c = new Contractor(undone, "temp");
        try {
            self.addAndFail(c);
        } catch (IllegalStateException expected) {
            // the savepoint was rolled back
        }
        return Athanor.inspect(c).isTransient();
    }

    @SubTransaction
    public void addAndFail(Staff s) {
        session.add(s);
        session.flush();
        throw new IllegalStateException("fails inside the savepoint");
    }

    /** The same through {@code beginNested()}: an engineer kept, a contractor rolled back to the savepoint. */
    @Transactional
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
