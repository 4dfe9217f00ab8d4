package io.athanor.benchmarks;

import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/** Hibernate code shared by the workloads, written as its documentation recommends. */
final class HibernateWork {
    private HibernateWork() {
    }

    /** The user guide's batch insert: persist, and flush and clear every JDBC batch, in one transaction. */
    static void insert(SessionFactory factory, List<?> entities) {
        try (Session s = factory.openSession()) {
            Transaction tx = s.beginTransaction();
            int n = 0;
            for (Object e : entities) {
                s.persist(e);
                if (++n % HibernateFactory.BATCH_SIZE == 0) {
                    s.flush();
                    s.clear();
                }
            }
            tx.commit();
        }
    }
}
