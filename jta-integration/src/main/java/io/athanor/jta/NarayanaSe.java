package io.athanor.jta;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import javax.sql.XADataSource;

/**
 * Narayana and Agroal XA data sources for Java SE (tests, command-line tools, Weld SE). Narayana
 * keeps its configuration in JVM-wide beans read when the transaction manager is first used, so
 * call {@link #configure} first, once per JVM:
 *
 * <pre>{@code
 * NarayanaSe.configure(Path.of("target/narayana"), "my-app-1", false);   // object store, node id, recovery
 * AgroalDataSource pg = NarayanaSe.xaDataSource(PGXADataSource.class, "jdbc:postgresql://localhost/app", props, 10);
 * SessionMaker sessions = SessionMaker.builder(registry).bind(Engine.of(pg))
 *         .transactionIntegration(JtaIntegration.of(NarayanaSe.synchronizationRegistry())).build();
 * }</pre>
 *
 * In Weld SE, Narayana's CDI extension ({@code com.arjuna.ats.jta.cdi.TransactionExtension}) provides
 * {@code @Transactional} and the {@code TransactionManager} bean on top of this configuration; add it
 * with {@code weld.addExtension(...)} when discovery is off. Needs {@code narayana-jta},
 * {@code jboss-logging} and {@code agroal-narayana}, which {@code athanor-jta} declares optional.
 */
public final class NarayanaSe {
    private static final Object LOCK = new Object();
    private static Path configuredStore;
    private static String configuredNode;
    private static boolean recoveryStarted;

    private NarayanaSe() {
    }

    /**
     * Sets the three object store directories ({@code objectStore}, its {@code communicationStore}
     * and {@code stateStore}) and the node identifier, and starts the recovery manager when
     * {@code recovery} is true. Calling it again with the same store and node does nothing.
     */
    public static void configure(Path objectStore, String nodeIdentifier, boolean recovery) {
        synchronized (LOCK) {
            Path store = objectStore.toAbsolutePath().normalize();
            if (configuredStore != null) {
                if (!configuredStore.equals(store)) {
                    throw new IllegalStateException(Messages.reconfigured("object store", configuredStore.toString(),
                            store.toString()));
                }
                if (!configuredNode.equals(nodeIdentifier)) {
                    throw new IllegalStateException(Messages.reconfigured("node identifier", configuredNode,
                            nodeIdentifier));
                }
            } else {
                String dir = store.toString();
                BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(dir);
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore")
                        .setObjectStoreDir(dir);
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore").setObjectStoreDir(dir);
                try {
                    arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier(nodeIdentifier);
                } catch (CoreEnvironmentBeanException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                jtaPropertyManager.getJTAEnvironmentBean().setXaRecoveryNodes(List.of(nodeIdentifier));
                configuredStore = store;
                configuredNode = nodeIdentifier;
            }
            if (recovery && !recoveryStarted) {
                RecoveryManager.manager(RecoveryManager.INDIRECT_MANAGEMENT).initialize();
                recoveryStarted = true;
            }
        }
    }

    /** Narayana's transaction manager. */
    public static TransactionManager transactionManager() {
        return jtaPropertyManager.getJTAEnvironmentBean().getTransactionManager();
    }

    /** Narayana's synchronization registry. */
    public static TransactionSynchronizationRegistry synchronizationRegistry() {
        return jtaPropertyManager.getJTAEnvironmentBean().getTransactionSynchronizationRegistry();
    }

    /** Narayana's user transaction. */
    public static UserTransaction userTransaction() {
        return jtaPropertyManager.getJTAEnvironmentBean().getUserTransaction();
    }

    /**
     * An Agroal pool of ordinary (non-XA) connections from the JDBC driver of {@code jdbcUrl},
     * enlisted in Narayana's transactions as a one-phase local resource: enough for one database
     * per transaction. {@code properties} holds {@code user} and {@code password}.
     */
    public static AgroalDataSource jtaDataSource(String jdbcUrl, Properties properties, int maxSize)
            throws SQLException {
        return pool(null, jdbcUrl, properties, maxSize);
    }

    /**
     * An Agroal pool of XA connections from {@code xaDataSource} (such as {@code PGXADataSource},
     * {@code MariaDbDataSource} or H2's {@code JdbcDataSource}), enlisted in Narayana's transactions.
     * {@code properties} holds {@code user} and {@code password}; the URL is set on the driver's data
     * source. With recovery started, the pool is registered for XA recovery.
     */
    public static AgroalDataSource xaDataSource(Class<? extends XADataSource> xaDataSource, String jdbcUrl,
                                                Properties properties, int maxSize) throws SQLException {
        return pool(xaDataSource, jdbcUrl, properties, maxSize);
    }

    private static AgroalDataSource pool(Class<? extends XADataSource> xaDataSource, String jdbcUrl,
                                         Properties properties, int maxSize) throws SQLException {
        NarayanaTransactionIntegration tx = recoveryStarted
                ? new NarayanaTransactionIntegration(transactionManager(), synchronizationRegistry(), null, false,
                        new RecoveryRegistry(XARecoveryModule.getRegisteredXARecoveryModule()))
                : new NarayanaTransactionIntegration(transactionManager(), synchronizationRegistry());
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(maxSize)
                        .transactionIntegration(tx)
                        .connectionFactoryConfiguration(cf -> {
                            cf.jdbcUrl(jdbcUrl);
                            if (xaDataSource != null) {
                                cf.connectionProviderClass(xaDataSource);
                            }
                            String user = properties.getProperty("user");
                            if (user != null) {
                                cf.principal(new NamePrincipal(user));
                                cf.credential(new SimplePassword(properties.getProperty("password", "")));
                            }
                            return cf;
                        }));
        return AgroalDataSource.from(config);
    }
}
