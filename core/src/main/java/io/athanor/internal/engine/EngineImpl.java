package io.athanor.internal.engine;

import io.agroal.api.AgroalDataSource;
import io.athanor.Dialect;
import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.internal.messages.EngineMessages;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/** The engine: a data source, its dialect (detected once), the SQL renderer and the statement log. */
public final class EngineImpl implements Engine {
    private final DataSource dataSource;
    private final AgroalDataSource ownedPool;
    private final Dialect dialect;
    private final int majorVersion;
    private final int minorVersion;
    private final DSLContext sql;
    private volatile boolean echo;

    EngineImpl(DataSource dataSource, AgroalDataSource ownedPool) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            this.dialect = detect(meta);
            this.majorVersion = meta.getDatabaseMajorVersion();
            this.minorVersion = meta.getDatabaseMinorVersion();
        } catch (SQLException e) {
            if (ownedPool != null) {
                ownedPool.close();
            }
            throw Errors.database(EngineMessages.dialectDetectionFailed(), e, null);
        }
        this.sql = Renderer.context(dialect);
    }

    /** An engine over a data source the caller owns. */
    public static EngineImpl of(DataSource dataSource) {
        if (dataSource == null) {
            throw new IllegalArgumentException(EngineMessages.nullDataSource());
        }
        return new EngineImpl(dataSource, null);
    }

    static Dialect detect(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("h2")) {
            return Dialect.H2;
        }
        if (product.contains("postgres")) {
            return Dialect.POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return Dialect.MARIADB;
        }
        throw new InvalidRequestException(EngineMessages.unsupportedDatabase(meta.getDatabaseProductName()));
    }

    /** The implementation behind an {@link Engine} given by a user. */
    public static EngineImpl unwrap(Engine engine) {
        if (engine instanceof EngineImpl impl) {
            return impl;
        }
        throw new InvalidRequestException(EngineMessages.foreignEngine(engine));
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    /** Whether the database can return generated keys with {@code INSERT ... RETURNING} for many rows at once. */
    public boolean supportsInsertReturning() {
        return switch (dialect) {
            case POSTGRESQL -> true;
            case MARIADB -> majorVersion > 10 || (majorVersion == 10 && minorVersion >= 5);
            case H2 -> false;
        };
    }

    /** The jOOQ context that renders SQL for this dialect (never executes). */
    public DSLContext sql() {
        return sql;
    }

    @Override
    public Engine echo(boolean on) {
        this.echo = on;
        return this;
    }

    @Override
    public boolean echo() {
        return echo;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A connection for one session transaction: with auto-commit off, or as the data source gives it
     * when {@code managed} (a JTA data source enlists it, and the transaction manager owns commit).
     */
    public Connection connect(boolean managed) {
        try {
            Connection c = dataSource.getConnection();
            try {
                if (!managed && c.getAutoCommit()) {
                    c.setAutoCommit(false);
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw Errors.database(EngineMessages.noConnection(this), e, null);
        }
    }

    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    @Override
    public String toString() {
        return "Engine[" + dialect + " " + majorVersion + "." + minorVersion + "]";
    }
}
