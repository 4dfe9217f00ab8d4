package io.athanor.cdi;

import io.athanor.cdi.interceptor.SubTransactionInterceptor;
import io.athanor.cdi.internal.BeanInventory;
import io.athanor.cdi.internal.MappedClasses;
import io.athanor.cdi.internal.Planner;
import io.athanor.cdi.internal.Settings;
import io.athanor.cdi.internal.UnitBeans;
import io.athanor.mapping.Mapped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.ArrayList;
import java.util.List;

/**
 * Athanor's CDI portable extension. At deployment it finds the mapped classes (from the
 * {@code META-INF/athanor/mapped-classes} index of every jar, and from {@code ProcessAnnotatedType}
 * in bean archives discovered in "all" mode), builds and validates a {@code Registry} per unit,
 * reporting every problem as a definition error, and registers per unit the beans
 * {@code Registry} and {@code SessionMaker} ({@code @ApplicationScoped}), {@code Session}
 * ({@code @RequestScoped}, closed when the request ends) and the current
 * {@code io.athanor.jta.SubTransaction}; further units carry {@link Unit @Unit("name")}. Sessions
 * join the active JTA transaction. With {@code athanor-asyncio} in the deployment, each unit also
 * gets {@code AsyncSessionMaker} ({@code @ApplicationScoped}, the unit's settings, the container's
 * {@code ManagedExecutorService} when there is one) and {@code AsyncSession} ({@code @RequestScoped},
 * closed when the request ends); async sessions use transactions of their own and refuse work begun
 * inside a JTA transaction (ATHANOR-8508). Configuration (MicroProfile Config):
 * {@code athanor.datasource} (a JNDI name), {@code athanor.packages}, {@code athanor.expire-on-commit},
 * {@code athanor.autoflush}, {@code athanor.binds.<class-or-table>}, {@code athanor.async.max-transactions},
 * and the same under {@code athanor.unit.<name>.} for named units; or a producer of {@code Engine} or
 * {@code DataSource}.
 */
public class AthanorExtension implements Extension {
    private MappedClasses mapped = new MappedClasses();
    private BeanInventory inventory = new BeanInventory();
    private List<String> discoveryErrors = new ArrayList<>();
    private ClassLoader deploymentLoader;

    void beforeBeanDiscovery(@Observes BeforeBeanDiscovery bbd, BeanManager bm) {
        bbd.addAnnotatedType(bm.createAnnotatedType(SubTransactionInterceptor.class),
                SubTransactionInterceptor.class.getName());
        deploymentLoader = Thread.currentThread().getContextClassLoader();
        if (deploymentLoader == null) {
            deploymentLoader = AthanorExtension.class.getClassLoader();
        }
        mapped.readIndexes(deploymentLoader, discoveryErrors::add);
    }

    void mappedClass(@Observes @WithAnnotations(Mapped.class) ProcessAnnotatedType<?> pat) {
        if (pat.getAnnotatedType().isAnnotationPresent(Mapped.class)) {
            mapped.add(pat.getAnnotatedType().getJavaClass());
            pat.veto();
        }
    }

    // the interceptor is registered in beforeBeanDiscovery; a copy found by scanning the jar would run twice
    void scannedInterceptor(@Observes ProcessAnnotatedType<SubTransactionInterceptor> pat) {
        if (!(pat instanceof ProcessSyntheticAnnotatedType<?> synthetic && synthetic.getSource() == this)) {
            pat.veto();
        }
    }

    void subTransactionUser(@Observes @WithAnnotations(SubTransaction.class) ProcessAnnotatedType<?> pat) {
        inventory.subTransactions(pat.getAnnotatedType());
    }

    void bean(@Observes ProcessBean<?> pb) {
        if (inventory != null) {
            inventory.bean(pb.getBean());
        }
    }

    // also fired after deployment, for non-contextual instances (inventory is gone by then)
    void injectionPoint(@Observes ProcessInjectionPoint<?, ?> pip) {
        if (inventory != null) {
            inventory.injectionPoint(pip.getInjectionPoint());
        }
    }

    void afterBeanDiscovery(@Observes AfterBeanDiscovery abd, BeanManager bm) {
        discoveryErrors.forEach(e -> abd.addDefinitionError(new DefinitionException(e)));
        Planner planner = new Planner(Settings.of(deploymentLoader), mapped, inventory,
                e -> abd.addDefinitionError(new DefinitionException(e)));
        UnitBeans.register(abd, bm, planner.plan());
    }

    void afterDeploymentValidation(@Observes AfterDeploymentValidation adv) {
        mapped = null;
        inventory = null;
        discoveryErrors = null;
        deploymentLoader = null;
    }
}
