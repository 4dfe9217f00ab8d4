package io.athanor.internal.engine;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.athanor.InvalidRequestException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** Creates pooled engines from a JDBC URL with Agroal. */
public final class Engines {
    static final String MAX_SIZE = "athanor.pool.max-size";
    static final String MIN_SIZE = "athanor.pool.min-size";
    static final String ACQUIRE_TIMEOUT = "athanor.pool.acquisition-timeout-ms";

    private Engines() {
    }

    public static EngineImpl create(String jdbcUrl, Properties properties) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new InvalidRequestException("ATHANOR-5006: Engine.create needs a JDBC URL starting with 'jdbc:', got '"
                    + jdbcUrl + "'");
        }
        Properties props = properties == null ? new Properties() : properties;
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith("athanor.") && !name.equals(MAX_SIZE) && !name.equals(MIN_SIZE)
                    && !name.equals(ACQUIRE_TIMEOUT)) {
                throw new InvalidRequestException("ATHANOR-5011: unknown engine setting '" + name + "': the settings are "
                        + MAX_SIZE + ", " + MIN_SIZE + " and " + ACQUIRE_TIMEOUT);
            }
        }
        int max = intSetting(props, MAX_SIZE, 10);
        int min = intSetting(props, MIN_SIZE, 0);
        long acquireMs = intSetting(props, ACQUIRE_TIMEOUT, 30_000);
        if (max < 1 || min < 0 || min > max) {
            throw new InvalidRequestException("ATHANOR-5007: pool sizes must satisfy 0 <= " + MIN_SIZE + " <= "
                    + MAX_SIZE + " and " + MAX_SIZE + " >= 1; got min " + min + ", max " + max);
        }
        if (acquireMs < 0) {
            throw new InvalidRequestException("ATHANOR-5007: " + ACQUIRE_TIMEOUT + " must be 0 (wait without limit) or "
                    + "more, got " + acquireMs);
        }
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(max)
                        .minSize(min)
                        .initialSize(min)
                        .acquisitionTimeout(Duration.ofMillis(acquireMs))
                        .exceptionSorter(Errors::connectionLost)
                        .connectionFactoryConfiguration(factory -> {
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
                        }));
        AgroalDataSource pool;
        try {
            pool = AgroalDataSource.from(config);
        } catch (SQLException e) {
            throw Errors.database("ATHANOR-5008: could not create the connection pool for " + jdbcUrl, e, null);
        }
        return new EngineImpl(pool, pool);
    }

    private static int intSetting(Properties props, String key, int fallback) {
        String value = props.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("ATHANOR-5009: " + key + " must be a whole number, got '" + value + "'");
        }
    }
}
