package io.athanor.cdi.internal;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.jta.JtaIntegration;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Builds a unit's {@link SessionMaker} when it is first used, from the beans and names its plan resolved. */
final class SessionMakers {
    private static final String[] TRANSACTION_MANAGER_NAMES = {
        "java:comp/TransactionManager", "java:/TransactionManager", "java:appserver/TransactionManager"};

    private SessionMakers() {
    }

    static SessionMaker create(UnitPlan plan, Annotation[] qualifiers, Instance<Object> beans, BeanManager bm) {
        Map<String, Engine> byName = new HashMap<>();
        SessionMaker.Builder b = SessionMaker.builder(plan.registry)
                .expireOnCommit(plan.expireOnCommit)
                .autoflush(plan.autoflush);
        if (plan.dataSource != null) {
            b.bind(engine(plan.dataSource, beans, byName));
        } else if (plan.engineProducer) {
            b.bind(contextual(bm, Engine.class, qualifiers));
        } else {
            b.bind(Engine.of(beans.select(DataSource.class, qualifiers).get()));
        }
        Map<Object, Engine> binds = new HashMap<>();
        plan.binds.forEach((key, name) -> binds.put(key, engine(name, beans, byName)));
        b.binds(binds);
        TransactionSynchronizationRegistry tsr = registry(beans);
        if (tsr != null) {
            b.transactionIntegration(JtaIntegration.of(tsr));
        }
        return b.build();
    }

    private static Engine engine(String name, Instance<Object> beans, Map<String, Engine> byName) {
        return byName.computeIfAbsent(name, n -> Engine.of(DataSources.resolve(n, beans)));
    }

    /** The instance itself rather than its client proxy: the core needs the engine it made. */
    private static <T> T contextual(BeanManager bm, Class<T> type, Annotation[] qualifiers) {
        @SuppressWarnings("unchecked")
        Bean<T> bean = (Bean<T>) bm.resolve(bm.getBeans(type, qualifiers));
        if (bm.isNormalScope(bean.getScope())) {
            Context context = bm.getContext(bean.getScope());
            return context.get(bean, bm.createCreationalContext(bean));
        }
        return type.cast(bm.getReference(bean, type, bm.createCreationalContext(bean)));
    }

    /**
     * Ends a request's session. A request context can end before the JTA transaction the session joined:
     * Payara ends the one it opens for an {@code @Asynchronous} call or a timeout before the container commits.
     * Closing then would drop the work the commit was to flush; so the session is closed when that
     * transaction completes, after it has flushed in {@code beforeCompletion}.
     */
    static void dispose(Session session, Instance<Object> beans) {
        TransactionSynchronizationRegistry tsr = session.inTransaction() ? registry(beans) : null;
        if (tsr != null && tsr.getTransactionStatus() == Status.STATUS_ACTIVE) {
            try {
                tsr.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        session.close();
                    }
                });
                return;
            } catch (IllegalStateException e) {
                // completing already: close now
            }
        }
        session.close();
    }

    /** The container's registry: a bean when there is one, else JNDI; {@code null} without JTA. */
    static TransactionSynchronizationRegistry registry(Instance<Object> beans) {
        Instance<TransactionSynchronizationRegistry> i = beans.select(TransactionSynchronizationRegistry.class);
        if (i.isResolvable()) {
            return i.get();
        }
        try {
            return JtaIntegration.lookup().registry();
        } catch (IllegalStateException | LinkageError e) {
            return null;
        }
    }

    /** The container's transaction manager: a bean when there is one, else JNDI; {@code null} without JTA. */
    static TransactionManager transactionManager(Instance<Object> beans) {
        Instance<TransactionManager> i = beans.select(TransactionManager.class);
        if (i.isResolvable()) {
            return i.get();
        }
        for (String name : TRANSACTION_MANAGER_NAMES) {
            try {
                return (TransactionManager) new InitialContext().lookup(name);
            } catch (NamingException | ClassCastException e) {
                // try the next well-known name
            }
        }
        return null;
    }
}
