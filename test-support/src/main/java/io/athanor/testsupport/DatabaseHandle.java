package io.athanor.testsupport;

import java.util.Properties;
import javax.sql.DataSource;

/**
 * One test database, shared by everything in the JVM: H2 in memory, or a database of its own on a
 * PostgreSQL or MariaDB server (the machine's, or an embedded one). Obtain it from
 * {@link Databases#get(TestDatabase)}; it lives until the JVM exits. Its {@link #toString()} is the
 * database's {@link TestDatabase#id() id}, which names the invocations of {@link AllDatabases} tests.
 */
public final class DatabaseHandle {
    private final TestDatabase kind;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String databaseName;
    private final String description;
    private final DataSource dataSource;

    DatabaseHandle(TestDatabase kind, String jdbcUrl, String user, String password, String databaseName,
                   String description) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.databaseName = databaseName;
        this.description = description;
        this.dataSource = new DriverDataSource(jdbcUrl, properties());
    }

    /** Which database this is. */
    public TestDatabase kind() {
        return kind;
    }

    /** A JDBC URL without credentials; combine it with {@link #properties()} to build a pool. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A fresh copy of the connection properties: {@code user} and {@code password}. */
    public Properties properties() {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return props;
    }

    /** The user name. */
    public String user() {
        return user;
    }

    /** The password (empty when there is none). */
    public String password() {
        return password;
    }

    /** The database (catalog) name, e.g. {@code athanor_1732200000_ab12cd}. */
    public String databaseName() {
        return databaseName;
    }

    /** An unpooled DataSource: each {@code getConnection()} opens a new physical connection. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Where the database runs, e.g. {@code local server PostgreSQL 15.19 at 127.0.0.1:5432, database ...}. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return kind.id();
    }
}
