package io.athanor.servers.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The WildFly suite's set-up, through the WildFly CLI: deploys the JDBC drivers (unmanaged, from
 * target/jdbc) and adds the XA data sources {@code java:jboss/datasources/AthanorPg} and
 * {@code AthanorMaria}, with pool statistics on. The server configuration is a fresh copy of standalone.xml at each build.
 */
public final class WildFlySetup implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    public static final class Observer extends ServerSetup {
        @Override
        protected void configure(TestDatabases.Database pg, TestDatabases.Database maria) throws Exception {
            Path jdbc = Path.of(home("athanor.servers.jdbc"));
            List<String> cli = new ArrayList<>();
            if (pg.available()) {
                cli.add(deployment(jdbc.resolve("postgresql.jar")));
                cli.addAll(xaDataSource("AthanorPg", "postgresql.jar", "org.postgresql.xa.PGXADataSource", "postgres",
                        List.of("ServerName=" + pg.host, "PortNumber=" + pg.port, "DatabaseName=" + pg.name)));
            }
            if (maria.available()) {
                cli.add(deployment(jdbc.resolve("mariadb-java-client.jar")));
                cli.addAll(xaDataSource("AthanorMaria", "mariadb-java-client.jar", "org.mariadb.jdbc.MariaDbDataSource",
                        "root", List.of("Url=jdbc:mariadb://" + maria.host + ":" + maria.port + "/" + maria.name)));
            }
            if (cli.isEmpty()) {
                return;
            }
            String home = home("wildfly.home");
            int port = 9990 + Integer.parseInt(System.getProperty("wildfly.port-offset", "0"));
            run(command(shell(home, "jboss-cli"), "--connect", "--controller=remote+http://127.0.0.1:" + port,
                    "--file=" + script("wildfly-setup", cli)));
        }

        private static String deployment(Path jar) {
            return "/deployment=" + jar.getFileName() + ":add(content=[{path=\"" + jar.toAbsolutePath()
                    + "\",archive=true}],enabled=true)";
        }

        private static List<String> xaDataSource(String name, String driver, String xaClass, String user,
                List<String> properties) {
            String address = "/subsystem=datasources/xa-data-source=" + name;
            List<String> lines = new ArrayList<>();
            lines.add("batch");
            lines.add(address + ":add(jndi-name=\"java:jboss/datasources/" + name + "\",driver-name=\"" + driver
                    + "\",xa-datasource-class=\"" + xaClass + "\",user-name=\"" + user + "\",max-pool-size=10"
                    + ",statistics-enabled=true)"); // the load test reads the pool's in-use count
            for (String p : properties) {
                int eq = p.indexOf('=');
                lines.add(address + "/xa-datasource-properties=" + p.substring(0, eq)
                        + ":add(value=\"" + p.substring(eq + 1) + "\")");
            }
            lines.add("run-batch");
            return lines;
        }
    }
}
