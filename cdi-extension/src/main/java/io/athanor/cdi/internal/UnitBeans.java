package io.athanor.cdi.internal;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.cdi.Unit;
import io.athanor.jta.SubTransaction;
import io.athanor.jta.SubTransactions;
import io.athanor.mapping.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.annotation.Annotation;

/**
 * The beans of one unit: {@code Registry} and {@code SessionMaker} (application-scoped), {@code Session}
 * (request-scoped, closed when the request ends) and the current {@code SubTransaction}; with
 * {@code athanor-asyncio} in the deployment also {@code AsyncSessionMaker} and {@code AsyncSession}
 * ({@link AsyncBeans}).
 */
public final class UnitBeans {
    /** A class of athanor-asyncio, looked for by name: {@link AsyncBeans} must not load without it. */
    static final String ASYNC_MARKER = "io.athanor.ext.asyncio.AsyncSessionMaker";

    private UnitBeans() {
    }

    /** Whether athanor-asyncio can be loaded beside this extension. */
    static boolean asyncPresent() {
        try {
            Class.forName(ASYNC_MARKER, false, UnitBeans.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Registers every unit's beans. */
    public static void register(AfterBeanDiscovery abd, BeanManager bm, Iterable<UnitPlan> plans) {
        boolean async = asyncPresent();
        for (UnitPlan plan : plans) {
            register(abd, bm, plan, async);
        }
    }

    private static void register(AfterBeanDiscovery abd, BeanManager bm, UnitPlan plan, boolean async) {
        Annotation[] q = plan.name.isEmpty()
                ? new Annotation[] {Default.Literal.INSTANCE, Any.Literal.INSTANCE}
                : new Annotation[] {Unit.Literal.of(plan.name), Any.Literal.INSTANCE};
        Annotation select = q[0];
        abd.addBean().beanClass(UnitBeans.class).types(Registry.class, Object.class).qualifiers(q)
                .scope(ApplicationScoped.class).produceWith(beans -> plan.registry);
        abd.addBean().beanClass(UnitBeans.class).types(SessionMaker.class, Object.class).qualifiers(q)
                .scope(ApplicationScoped.class)
                .produceWith(beans -> SessionMakers.create(plan, new Annotation[] {select}, beans, bm));
        abd.<Session>addBean().beanClass(UnitBeans.class).types(Session.class, Object.class).qualifiers(q)
                .scope(RequestScoped.class)
                .produceWith(beans -> beans.select(SessionMaker.class, select).get().open())
                .disposeWith(SessionMakers::dispose);
        abd.addBean().beanClass(UnitBeans.class).types(RequestSubTransactions.class, Object.class).qualifiers(q)
                .scope(RequestScoped.class)
                .produceWith(beans -> new RequestSubTransactions(new SubTransactions(
                        beans.select(Session.class, select).get(), SessionMakers.transactionManager(beans))));
        abd.addBean().beanClass(UnitBeans.class).types(SubTransaction.class, Object.class).qualifiers(q)
                .scope(Dependent.class)
                .produceWith(beans -> new CurrentSubTransaction(
                        beans.select(RequestSubTransactions.class, select).get(), plan.name));
        if (async) {
            AsyncBeans.register(abd, bm, plan, q, select);
        }
    }
}
