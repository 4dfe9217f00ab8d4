package io.athanor;

import io.athanor.spi.Provider;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A source of connections to one database, with its detected dialect: SQLAlchemy's
 * {@code Engine}. Thread-safe; create one per database and share it.
 */
public interface Engine extends AutoCloseable {

    /** An engine over an existing data source (a container's, or a pool of your own). */
    static Engine of(DataSource dataSource) {
        return Provider.get().engine(dataSource);
    }

    /**
     * An engine with its own connection pool (Agroal) for the JDBC URL; {@code properties} holds
     * driver properties such as {@code user} and {@code password}, and the pool settings
     * {@code athanor.pool.max-size} (default 10), {@code athanor.pool.min-size} (default 0),
     * {@code athanor.pool.acquisition-timeout-ms} (default 30000), {@code athanor.pool.pre-ping}
     * (default true: a connection is checked as it leaves the pool, and one the server has closed is
     * replaced, as SQLAlchemy's {@code pool_pre_ping}) and {@code athanor.pool.pre-ping-idle-ms}
     * (default 1000: only connections idle at least this long are checked, so a busy pool pays no
     * round trip; 0 checks every borrow).
     */
    static Engine create(String jdbcUrl, Properties properties) {
        return Provider.get().engine(jdbcUrl, properties);
    }

    /** The database dialect, detected from the connection metadata. */
    Dialect dialect();

    /** Logs each statement and its parameters under the logger {@code io.athanor.sql} at INFO when on. */
    Engine echo(boolean on);

    /** Whether statements are logged. */
    boolean echo();

    /** The data source connections come from. */
    DataSource dataSource();

    /** Closes the pool if this engine created it; an engine over a given data source leaves it open. */
    @Override
    void close();
}
