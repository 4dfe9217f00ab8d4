package io.athanor.servers.setup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * The databases of this suite, in the client JVM: on the machine's PostgreSQL and MariaDB a database of
 * our own, {@code athanor_servers_<random>}, created at first use and dropped when the server has stopped
 * (or the JVM exits). A server that does not answer leaves its scenarios skipped, with the reason.
 * {@code -Dathanor.servers.postgresql=host:port} and {@code -Dathanor.servers.mariadb=host:port} move them.
 */
public final class TestDatabases {
    private static Database postgresql;
    private static Database mariadb;

    private TestDatabases() {
    }

    /** A database of ours on a server, or why there is none. */
    public static final class Database {
        public final String kind;
        public final String host;
        public final int port;
        public final String name;
        /** PostgreSQL's max_prepared_transactions (two-phase commit needs it above 0); -1 for MariaDB. */
        public final int maxPreparedTransactions;
        public final String unavailable;
        private boolean dropped;

        Database(String kind, String host, int port, String name, int maxPrepared, String unavailable) {
            this.kind = kind;
            this.host = host;
            this.port = port;
            this.name = name;
            this.maxPreparedTransactions = maxPrepared;
            this.unavailable = unavailable;
        }

        public boolean available() {
            return unavailable == null;
        }

        public String describe() {
            return available() ? kind + " database " + name + " at " + host + ":" + port
                    : kind + " unavailable at " + host + ":" + port + ": " + unavailable;
        }

        synchronized void drop() {
            if (!available() || dropped) {
                return;
            }
            dropped = true;
            try (Connection c = admin(kind, host, port); Statement st = c.createStatement()) {
                st.execute("drop database if exists " + name + (kind.equals("postgresql") ? " with (force)" : ""));
                System.out.println("[athanor-servers] dropped " + describe());
            } catch (SQLException e) {
                System.out.println("[athanor-servers] could not drop " + describe() + ": " + e);
            }
        }
    }

    public static synchronized Database postgresql() {
        if (postgresql == null) {
            postgresql = create("postgresql", System.getProperty("athanor.servers.postgresql", "127.0.0.1:5432"));
        }
        return postgresql;
    }

    public static synchronized Database mariadb() {
        if (mariadb == null) {
            mariadb = create("mariadb", System.getProperty("athanor.servers.mariadb", "127.0.0.1:3306"));
        }
        return mariadb;
    }

    /** Drops the databases created so far. */
    public static synchronized void dropAll() {
        if (postgresql != null) {
            postgresql.drop();
        }
        if (mariadb != null) {
            mariadb.drop();
        }
    }

    private static Database create(String kind, String hostPort) {
        String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        String name = "athanor_servers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Database db;
        try (Connection c = admin(kind, host, port); Statement st = c.createStatement()) {
            int maxPrepared = -1;
            if (kind.equals("postgresql")) {
                try (ResultSet rs = st.executeQuery("show max_prepared_transactions")) {
                    rs.next();
                    maxPrepared = rs.getInt(1);
                }
            }
            st.execute("create database " + name);
            db = new Database(kind, host, port, name, maxPrepared, null);
            Runtime.getRuntime().addShutdownHook(new Thread(db::drop));
        } catch (SQLException e) {
            db = new Database(kind, host, port, null, -1, e.toString());
        }
        System.out.println("[athanor-servers] " + db.describe()
                + (db.maxPreparedTransactions >= 0 ? ", max_prepared_transactions=" + db.maxPreparedTransactions : ""));
        return db;
    }

    private static Connection admin(String kind, String host, int port) throws SQLException {
        Properties p = new Properties();
        DriverManager.setLoginTimeout(3);
        if (kind.equals("postgresql")) {
            p.setProperty("user", "postgres");
            p.setProperty("connectTimeout", "3");
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", p);
        }
        p.setProperty("user", "root");
        p.setProperty("password", "");
        p.setProperty("connectTimeout", "3000");
        return DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/", p);
    }
}
