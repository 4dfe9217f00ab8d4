package io.athanor.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL: the machine's server on 127.0.0.1:5432 (user postgres, trust), else zonky's embedded one. */
final class PostgresProvider extends ServerProvider {

    PostgresProvider() {
        super(TestDatabase.POSTGRESQL);
    }

    @Override
    Server localServer() {
        return new Server("jdbc:postgresql://127.0.0.1:5432/", "test", "?connectTimeout=2&loginTimeout=2",
                "postgres", "", "127.0.0.1:5432", false);
    }

    @Override
    Server startEmbedded(String reason) throws Exception {
        long start = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("max_prepared_transactions", "20")
                .setRegisterShutdownHook(false)
                .start();
        Cleanup.atExit(pg::close);
        String location = "localhost:" + pg.getPort() + " (started in " + seconds(start) + "; " + reason + ")";
        return new Server("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "", "postgres", "",
                location, true);
    }

    @Override
    void createDatabase(Statement admin, String name) throws SQLException {
        String encoding;
        try (ResultSet rs = admin.executeQuery(
                "select pg_encoding_to_char(encoding) from pg_database where datname = 'template1'")) {
            encoding = rs.next() ? rs.getString(1) : "";
        }
        if (encoding.equals("UTF8")) {
            admin.execute("create database " + name);
        } else {
            admin.execute("create database " + name
                    + " template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'");
        }
    }

    @Override
    void dropDatabase(Statement admin, String name) throws SQLException {
        if (admin.getConnection().getMetaData().getDatabaseMajorVersion() >= 13) {
            admin.execute("drop database if exists " + name + " with (force)");
        } else {
            admin.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
            admin.execute("drop database if exists " + name);
        }
    }

    @Override
    List<String> athanorDatabases(Statement admin) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = admin.executeQuery(
                "select datname from pg_database where datname like 'athanor\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Override
    String productVersion(Connection admin) throws SQLException {
        return "PostgreSQL " + admin.getMetaData().getDatabaseProductVersion().split(" ")[0];
    }
}
