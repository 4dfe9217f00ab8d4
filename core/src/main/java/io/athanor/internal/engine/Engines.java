package io.athanor.internal.engine;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.athanor.InvalidRequestException;
import io.athanor.internal.messages.EngineMessages;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** Creates pooled engines from a JDBC URL with Agroal. */
public final class Engines {
    static final String MAX_SIZE = "athanor.pool.max-size";
    static final String MIN_SIZE = "athanor.pool.min-size";
    static final String ACQUIRE_TIMEOUT = "athanor.pool.acquisition-timeout-ms";
    static final String PRE_PING = "athanor.pool.pre-ping";
    static final String PRE_PING_IDLE = "athanor.pool.pre-ping-idle-ms";
    /** Every setting, in the order an unknown setting's message lists them. */
    static final List<String> SETTINGS = List.of(MAX_SIZE, MIN_SIZE, ACQUIRE_TIMEOUT, PRE_PING, PRE_PING_IDLE);
    /** Seconds a borrow-time check may wait for the server before the connection counts as dead. */
    static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private Engines() {
    }

    public static EngineImpl create(String jdbcUrl, Properties properties) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new InvalidRequestException(EngineMessages.notAJdbcUrl(jdbcUrl));
        }
        Properties props = properties == null ? new Properties() : properties;
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith("athanor.") && !SETTINGS.contains(name)) {
                throw new InvalidRequestException(EngineMessages.unknownEngineSetting(name, SETTINGS));
            }
        }
        int max = intSetting(props, MAX_SIZE, 10);
        int min = intSetting(props, MIN_SIZE, 0);
        long acquireMs = intSetting(props, ACQUIRE_TIMEOUT, 30_000);
        boolean prePing = booleanSetting(props, PRE_PING, true);
        long prePingIdleMs = intSetting(props, PRE_PING_IDLE, 1_000);
        if (max < 1 || min < 0 || min > max) {
            throw new InvalidRequestException(EngineMessages.badPoolSizes(MIN_SIZE, MAX_SIZE, min, max));
        }
        if (prePingIdleMs < 0) {
            throw new InvalidRequestException(EngineMessages.negativePrePingIdle(PRE_PING_IDLE, prePingIdleMs));
        }
        if (acquireMs < 0) {
            throw new InvalidRequestException(EngineMessages.negativeAcquireTimeout(ACQUIRE_TIMEOUT, acquireMs));
        }
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(max)
                        .minSize(min)
                        .initialSize(min)
                        .acquisitionTimeout(Duration.ofMillis(acquireMs))
                        .exceptionSorter(Errors::connectionLost)
                        // SQLAlchemy's pool_pre_ping: a connection the server ended while it sat idle in the pool
                        // (restart, idle timeout, an administrator's kill) fails the check and is replaced, so
                        // the next transaction never sees it. Agroal's default validator accepts every connection.
                        // Only connections idle for pre-ping-idle-ms are checked (0: every borrow), so a busy
                        // pool does not pay a round trip per transaction.
                        .validateOnBorrow(prePing && prePingIdleMs == 0)
                        .idleValidationTimeout(prePing ? Duration.ofMillis(prePingIdleMs) : Duration.ZERO)
                        .connectionValidator(prePing
                                ? ConnectionValidator.defaultValidatorWithTimeout(VALIDATION_TIMEOUT_SECONDS)
                                : ConnectionValidator.emptyValidator())
                        .connectionFactoryConfiguration(factory -> connectionFactory(factory, jdbcUrl, props)));
        AgroalDataSource pool;
        try {
            pool = AgroalDataSource.from(config);
        } catch (SQLException e) {
            throw Errors.database(EngineMessages.poolFailed(jdbcUrl), e, null);
        }
        return new EngineImpl(pool, pool);
    }

    /** The driver's settings: the URL, auto-commit off, and every property that is not Athanor's own. */
    private static AgroalConnectionFactoryConfigurationSupplier connectionFactory(
            AgroalConnectionFactoryConfigurationSupplier factory, String jdbcUrl, Properties props) {
        factory.jdbcUrl(jdbcUrl).autoCommit(false);
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith("athanor.")) {
                continue;
            }
            String value = props.getProperty(name);
            if (name.equals("user")) {
                factory.principal(new NamePrincipal(value));
            } else if (name.equals("password")) {
                factory.credential(new SimplePassword(value));
            } else {
                factory.jdbcProperty(name, value);
            }
        }
        return factory;
    }

    private static boolean booleanSetting(Properties props, String key, boolean fallback) {
        String value = props.getProperty(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(EngineMessages.notBoolean(key, value));
        };
    }

    private static int intSetting(Properties props, String key, int fallback) {
        String value = props.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(EngineMessages.notWholeNumber(key, value));
        }
    }
}
