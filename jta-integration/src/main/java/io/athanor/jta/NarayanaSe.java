package io.athanor.jta;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.common.JTAEnvironmentBean;
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
import java.util.Objects;
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
     * {@code recovery} is true. Each logged branch records its pool's name (see
     * {@link #xaDataSource(String, Class, String, Properties, int)}) for recovery. Calling it again with
     * the same store and node does nothing.
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
                JTAEnvironmentBean jta = jtaPropertyManager.getJTAEnvironmentBean();
                jta.setXaRecoveryNodes(List.of(nodeIdentifier));
                if (jta.getXaResourceRecordWrappingPluginClassName() == null) {
                    jta.setXAResourceRecordWrappingPlugin(new ResourceNames());
                }
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
        return pool(null, null, jdbcUrl, properties, maxSize);
    }

    /**
     * An Agroal pool of XA connections from {@code xaDataSource} (such as {@code PGXADataSource},
     * {@code MariaDbDataSource} or H2's {@code JdbcDataSource}), enlisted in Narayana's transactions.
     * {@code properties} holds {@code user} and {@code password}; the URL is set on the driver's data
     * source. With recovery started, the pool is registered for XA recovery. The resource is named
     * after the URL without its query: see {@link #xaDataSource(String, Class, String, Properties, int)}.
     */
    public static AgroalDataSource xaDataSource(Class<? extends XADataSource> xaDataSource, String jdbcUrl,
                                                Properties properties, int maxSize) throws SQLException {
        return xaDataSource(resourceName(jdbcUrl), xaDataSource, jdbcUrl, properties, maxSize);
    }

    /**
     * {@link #xaDataSource(Class, String, Properties, int)} with the name Narayana records for each of
     * the pool's branches in its transaction log (the JNDI name of a container's data source). After a
     * crash, recovery matches the logged branches to the pools registered for recovery by this name: a
     * branch whose database no longer knows its Xid (it committed before the crash) is then known to be
     * complete, and the transaction log can be removed; without a name Narayana keeps the log and warns
     * at every recovery scan. Keep the name stable across restarts and distinct per database.
     */
    public static AgroalDataSource xaDataSource(String name, Class<? extends XADataSource> xaDataSource,
                                                String jdbcUrl, Properties properties, int maxSize)
            throws SQLException {
        return pool(Objects.requireNonNull(name, "name"), xaDataSource, jdbcUrl, properties, maxSize);
    }

    /** The default resource name of an XA pool: its URL without query or properties (no credentials). */
    static String resourceName(String jdbcUrl) {
        int end = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int i = jdbcUrl.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return jdbcUrl.substring(0, end);
    }

    private static AgroalDataSource pool(String name, Class<? extends XADataSource> xaDataSource, String jdbcUrl,
                                         Properties properties, int maxSize) throws SQLException {
        NarayanaTransactionIntegration tx = recoveryStarted
                ? new NarayanaTransactionIntegration(transactionManager(), synchronizationRegistry(), name, false,
                        new RecoveryRegistry(XARecoveryModule.getRegisteredXARecoveryModule()))
                : new NarayanaTransactionIntegration(transactionManager(), synchronizationRegistry(), name, false);
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
