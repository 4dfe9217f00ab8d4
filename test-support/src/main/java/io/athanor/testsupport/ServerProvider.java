package io.athanor.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Provides a fresh database named {@code athanor_<epoch seconds>_<random>} on the machine's server
 * or, when that does not answer (or {@link Databases#EMBEDDED_PROPERTY} says so), on an embedded
 * server started for this JVM. Databases left on the machine's server by JVMs that did not exit
 * cleanly are dropped once they are a day old.
 */
abstract class ServerProvider {
    private static final long STALE_SECONDS = 24 * 60 * 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a server listens and how to log in as its administrator. */
    record Server(String urlPrefix, String adminDatabase, String adminOptions, String user, String password,
                  String location, boolean embedded) {

        Connection connectAdmin() throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            return DriverManager.getConnection(urlPrefix + adminDatabase + adminOptions, props);
        }
    }

    private final TestDatabase kind;

    ServerProvider(TestDatabase kind) {
        this.kind = kind;
    }

    /** The machine's server (whether it runs or not). */
    abstract Server localServer();

    /** Starts the embedded server, registers its stop with {@link Cleanup}, and describes it. */
    abstract Server startEmbedded(String reason) throws Exception;

    abstract void createDatabase(Statement admin, String name) throws SQLException;

    abstract void dropDatabase(Statement admin, String name) throws SQLException;

    /** The names of all databases called {@code athanor_...}. */
    abstract List<String> athanorDatabases(Statement admin) throws SQLException;

    /** The server's product name and short version, e.g. {@code PostgreSQL 15.19}. */
    abstract String productVersion(Connection admin) throws SQLException;

    final DatabaseHandle provide(boolean forceEmbedded) throws Exception {
        Server server = localServer();
        String reason = forceEmbedded ? "forced by " + Databases.EMBEDDED_PROPERTY : unreachable(server);
        if (reason != null) {
            server = startEmbedded(reason);
        }
        String name = newDatabaseName();
        String product;
        try (Connection admin = server.connectAdmin(); Statement st = admin.createStatement()) {
            product = productVersion(admin);
            if (!server.embedded()) {
                dropStale(st);
            }
            createDatabase(st, name);
        }
        if (!server.embedded()) {
            Server s = server;
            Cleanup.atExit(() -> {
                try (Connection admin = s.connectAdmin(); Statement st = admin.createStatement()) {
                    dropDatabase(st, name);
                }
            });
        }
        String description = (server.embedded() ? "embedded " : "local server ") + product + " at "
                + server.location() + ", database " + name;
        return new DatabaseHandle(kind, server.urlPrefix() + name, server.user(), server.password(), name,
                description);
    }

    /** Null when the server answers, else why not. */
    private static String unreachable(Server server) {
        try {
            server.connectAdmin().close();
            return null;
        } catch (SQLException e) {
            return "no server at " + server.location() + ": " + e.getMessage();
        }
    }

    private void dropStale(Statement admin) {
        long now = System.currentTimeMillis() / 1000;
        try {
            for (String name : athanorDatabases(admin)) {
                String[] parts = name.split("_");
                if (parts.length == 3 && parts[1].matches("\\d{1,12}")
                        && now - Long.parseLong(parts[1]) > STALE_SECONDS) {
                    dropDatabase(admin, name);
                }
            }
        } catch (SQLException e) {
            System.err.println("[athanor-test] could not drop stale databases: " + e);
        }
    }

    static String newDatabaseName() {
        String random = Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        return "athanor_" + System.currentTimeMillis() / 1000 + "_" + random.substring(0, 6).toLowerCase(Locale.ROOT);
    }

    static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
