package io.athanor.servers.setup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The Payara suite's set-up, through asadmin: an XA connection pool and the JDBC resource
 * {@code jdbc/athanorPg} (the two-database scenario runs on WildFly only). The build created the domain afresh, with the
 * drivers in its lib directory.
 *
 * <p>Payara's managed adapter (3.0.alpha7) boots the domain at the first deployment rather than in
 * {@code start()}, which is too late to configure it; so this starts it with {@code asadmin start-domain}
 * first, as the adapter would. The adapter sees it running, skips its own start, and still stops it after
 * the suite (it only leaves alone a server that was running before {@code start()}).
 */
public final class PayaraSetup implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    public static final class Observer extends ServerSetup {
        @Override
        protected void configure(TestDatabases.Database pg, TestDatabases.Database maria) throws Exception {
            String home = home("payara.home");
            String port = System.getProperty("payara.admin-port");
            if (!listening(Integer.parseInt(port))) {
                long start = System.nanoTime();
                run(command(shell(home, "asadmin"), "start-domain", System.getProperty("payara.domain")));
                System.out.printf("[athanor-servers] Payara started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
            List<String> commands = new ArrayList<>();
            if (pg.available()) {
                commands.add("create-jdbc-connection-pool --datasourceclassname org.postgresql.xa.PGXADataSource"
                        + " --restype javax.sql.XADataSource --maxpoolsize 10"
                        + " --property user=postgres:password=unused-under-trust-auth:serverName=" + pg.host
                        + ":portNumber=" + pg.port + ":databaseName=" + pg.name + " athanorPgPool");
                commands.add("create-jdbc-resource --connectionpoolid athanorPgPool jdbc/athanorPg");
            }
            if (commands.isEmpty()) {
                return;
            }
            run(command(shell(home, "asadmin"), "--host", "127.0.0.1", "--port", port,
                    "multimode", "--file", script("payara-setup", commands).toString()));
        }

        private static boolean listening(int port) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
