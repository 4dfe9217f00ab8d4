package io.athanor.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** The in-memory H2 database, kept open until the JVM exits. */
final class H2Provider {
    private H2Provider() {
    }

    static DatabaseHandle provide() throws SQLException {
        String name = "athanor";
        // DATABASE_TO_LOWER folds unquoted names to lower case, as PostgreSQL does, so hand-written SQL
        // finds the lower-case tables Athanor creates.
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        DatabaseHandle handle = new DatabaseHandle(TestDatabase.H2, url, "sa", "", name, "");
        try (Connection c = handle.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String version = meta.getDatabaseProductVersion().split(" ")[0];
            return new DatabaseHandle(TestDatabase.H2, url, "sa", "", name,
                    "in-memory H2 " + version + ", database " + name);
        }
    }
}
