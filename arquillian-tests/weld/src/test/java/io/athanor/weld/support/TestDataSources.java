package io.athanor.weld.support;

import io.agroal.api.AgroalDataSource;
import io.athanor.jta.NarayanaSe;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Databases;
import io.athanor.testsupport.TestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.sql.SQLException;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The deployment's JTA data sources, by name (Java SE has no JNDI): {@code jdbc/main} on
 * {@code test.database} and {@code jdbc/second} on {@code test.second-database}, XA pools when
 * {@code test.xa} is true, else one-phase pools; all on the fixture's databases.
 */
@ApplicationScoped
public class TestDataSources {

    @Produces
    @ApplicationScoped
    @Named("jdbc/main")
    AgroalDataSource main() throws SQLException {
        return pool("test.database");
    }

    @Produces
    @ApplicationScoped
    @Named("jdbc/second")
    AgroalDataSource second() throws SQLException {
        return pool("test.second-database");
    }

    void close(@Disposes @Named("jdbc/main") AgroalDataSource ds) {
        ds.close();
    }

    void closeSecond(@Disposes @Named("jdbc/second") AgroalDataSource ds) {
        ds.close();
    }

    private static AgroalDataSource pool(String key) throws SQLException {
        TestJta.init();
        Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        DatabaseHandle db = Databases.get(TestDatabase.of(config.getOptionalValue(key, String.class).orElse("h2")));
        boolean xa = config.getOptionalValue("test.xa", Boolean.class).orElse(false);
        return xa ? NarayanaSe.xaDataSource(xaClass(db), db.jdbcUrl(), db.properties(), 5)
                : NarayanaSe.jtaDataSource(db.jdbcUrl(), db.properties(), 5);
    }

    private static Class<? extends XADataSource> xaClass(DatabaseHandle db) {
        return switch (db.kind()) {
            case H2 -> org.h2.jdbcx.JdbcDataSource.class;
            case POSTGRESQL -> org.postgresql.xa.PGXADataSource.class;
            case MARIADB -> org.mariadb.jdbc.MariaDbDataSource.class;
        };
    }

    /** Unused by beans: the fixture's plain data source, to check what the database holds. */
    public static DataSource direct(String database) {
        return Databases.get(TestDatabase.of(database)).dataSource();
    }
}
