package io.athanor.cdi.internal;

import io.athanor.SessionMaker;
import io.athanor.ext.asyncio.AsyncSession;
import io.athanor.ext.asyncio.AsyncSessionMaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.annotation.Annotation;
import java.util.concurrent.Executor;

/**
 * A unit's async beans, registered only when {@code athanor-asyncio} is in the deployment (this class
 * is loaded only then: {@link UnitBeans#asyncPresent()}): {@code AsyncSessionMaker} (application-scoped, built from the unit's
 * {@code SessionMaker} settings, on the container's {@code ManagedExecutorService} when there is one)
 * and {@code AsyncSession} (request-scoped, closed when the request ends).
 */
final class AsyncBeans {
    private AsyncBeans() {
    }

    static void register(AfterBeanDiscovery abd, BeanManager bm, UnitPlan plan, Annotation[] qualifiers,
                         Annotation select) {
        abd.<AsyncSessionMaker>addBean().beanClass(UnitBeans.class).types(AsyncSessionMaker.class, Object.class)
                .qualifiers(qualifiers).scope(ApplicationScoped.class)
                .produceWith(beans -> create(plan, select, beans, bm))
                .disposeWith((maker, beans) -> maker.close());
        abd.<AsyncSession>addBean().beanClass(UnitBeans.class).types(AsyncSession.class, Object.class)
                .qualifiers(qualifiers).scope(RequestScoped.class)
                .produceWith(beans -> beans.select(AsyncSessionMaker.class, select).get().open())
                // queued after the request's operations; the request does not wait for it
                .disposeWith((session, beans) -> session.close());
    }

    private static AsyncSessionMaker create(UnitPlan plan, Annotation select, Instance<Object> beans, BeanManager bm) {
        SessionMaker sessions = beans.select(SessionMaker.class, select).get();
        AsyncSessionMaker.Builder b = AsyncSessionMaker.builder(sessions);
        Executor managed = ManagedExecutors.find(bm);
        if (managed != null) {
            b.executor(managed);
        }
        if (plan.asyncMaxTransactions != null) {
            b.maxTransactions(plan.asyncMaxTransactions);
        }
        TransactionSynchronizationRegistry tsr = SessionMakers.registry(beans);
        if (tsr != null) {
            b.refuseInJtaTransaction(() -> inTransaction(tsr));
        }
        return b.build();
    }

    /** The calling thread is in a JTA transaction that work could still join (active or rollback-only). */
    private static boolean inTransaction(TransactionSynchronizationRegistry tsr) {
        int status = tsr.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }
}
