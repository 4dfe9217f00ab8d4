package io.athanor.servers.setup;

import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The Payara suite's set-up, through asadmin: an XA connection pool and the JDBC resource
 * {@code jdbc/athanorPg} (and {@code jdbc/athanorMaria}). The build created the domain afresh, with the
 * drivers in its lib directory.
 */
public final class PayaraSetup implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    public static final class Observer extends ServerSetup {
        @Override
        protected void configure(TestDatabases.Database pg, TestDatabases.Database maria) throws Exception {
            List<String> commands = new ArrayList<>();
            if (pg.available()) {
                commands.add("create-jdbc-connection-pool --datasourceclassname org.postgresql.xa.PGXADataSource"
                        + " --restype javax.sql.XADataSource --maxpoolsize 10"
                        + " --property user=postgres:serverName=" + pg.host + ":portNumber=" + pg.port
                        + ":databaseName=" + pg.name + " athanorPgPool");
                commands.add("create-jdbc-resource --connectionpoolid athanorPgPool jdbc/athanorPg");
            }
            if (maria.available()) {
                commands.add("create-jdbc-connection-pool --datasourceclassname org.mariadb.jdbc.MariaDbDataSource"
                        + " --restype javax.sql.XADataSource --maxpoolsize 10"
                        + " --property user=root:url=jdbc\\\\:mariadb\\\\://" + maria.host + "\\\\:" + maria.port + "/"
                        + maria.name + " athanorMariaPool");
                commands.add("create-jdbc-resource --connectionpoolid athanorMariaPool jdbc/athanorMaria");
            }
            if (commands.isEmpty()) {
                return;
            }
            String home = home("payara.home");
            run(command(shell(home, "asadmin"), "--host", "127.0.0.1", "--port", System.getProperty("payara.admin-port"),
                    "multimode", "--file", script("payara-setup", commands).toString()));
        }
    }
}
