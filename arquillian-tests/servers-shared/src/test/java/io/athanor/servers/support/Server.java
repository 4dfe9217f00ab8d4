package io.athanor.servers.support;

import java.util.Locale;

/**
 * The application server the suite runs on ({@code -Dathanor.server}, set by each module's surefire
 * configuration, read in the client JVM) and its JNDI names: its own data source and those the set-up adds.
 */
public enum Server {
    WILDFLY("java:jboss/datasources/ExampleDS", "java:jboss/datasources/AthanorPg", "java:jboss/datasources/AthanorMaria"),
    PAYARA("jdbc/__default", "jdbc/athanorPg", "jdbc/athanorMaria");

    /** The server's own data source (WildFly's ExampleDS, Payara's __default; both H2). */
    public final String defaultDataSource;
    /** The XA data source to PostgreSQL the set-up configures. */
    public final String postgresXa;
    /** The XA data source to MariaDB the set-up configures (WildFly only). */
    public final String mariadbXa;

    Server(String defaultDataSource, String postgresXa, String mariadbXa) {
        this.defaultDataSource = defaultDataSource;
        this.postgresXa = postgresXa;
        this.mariadbXa = mariadbXa;
    }

    /** The server of this suite, in the client JVM; {@code null} inside the server. */
    public static Server current() {
        String name = System.getProperty("athanor.server");
        return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The server of this suite, in the client JVM; fails inside the server. */
    public static Server client() {
        Server s = current();
        if (s == null) {
            throw new IllegalStateException(
                    "-Dathanor.server is not set: run the suite from arquillian-tests/wildfly or /payara");
        }
        return s;
    }
}
