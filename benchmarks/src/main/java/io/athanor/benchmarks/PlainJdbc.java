package io.athanor.benchmarks;

import io.athanor.benchmarks.model.PlainItem;
import io.athanor.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The floor: the hand-written JDBC a careful programmer would write for each workload. */
public final class PlainJdbc {
    /** Rows per multi-row INSERT statement, and per executeBatch of the batch insert. */
    public static final int CHUNK = 1000;
    static final String COLUMNS = "name, email, quantity, score";
    static final String SELECT = "SELECT id, " + COLUMNS + " FROM item";

    private PlainJdbc() {
    }

    private static PreparedStatement prepareReturningKeys(Connection c, String sql, TestDatabase kind)
            throws SQLException {
        return kind == TestDatabase.MARIADB ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : c.prepareStatement(sql, new String[] {"id"});
    }

    /** One-row INSERT in a JDBC batch, executed every {@link #CHUNK} rows, keys read back with getGeneratedKeys. */
    public static void insertBatch(Connection c, List<PlainItem> rows, TestDatabase kind) throws SQLException {
        String sql = "INSERT INTO item (" + COLUMNS + ") VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = prepareReturningKeys(c, sql, kind)) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<PlainItem> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                for (PlainItem r : chunk) {
                    Table.bind(ps, 1, r);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assignKeys(chunk, keys);
                }
            }
        }
    }

    /**
     * Multi-row {@code INSERT ... VALUES (...), (...)} of {@link #CHUNK} rows a statement, with
     * {@code RETURNING id} on PostgreSQL and MariaDB and generated keys on H2 (no RETURNING there).
     */
    public static void insertMultiRow(Connection c, List<PlainItem> rows, TestDatabase kind) throws SQLException {
        boolean returning = kind != TestDatabase.H2;
        PreparedStatement full = null;
        try {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<PlainItem> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                PreparedStatement ps;
                if (chunk.size() == CHUNK && full != null) {
                    ps = full;
                } else {
                    String sql = multiRowSql(chunk.size(), returning);
                    ps = returning ? c.prepareStatement(sql) : c.prepareStatement(sql, new String[] {"id"});
                    if (chunk.size() == CHUNK) {
                        full = ps;
                    }
                }
                int p = 1;
                for (PlainItem r : chunk) {
                    Table.bind(ps, p, r);
                    p += 4;
                }
                if (returning) {
                    try (ResultSet keys = ps.executeQuery()) {
                        assignKeys(chunk, keys);
                    }
                } else {
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        assignKeys(chunk, keys);
                    }
                }
                if (ps != full) {
                    ps.close();
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    private static String multiRowSql(int rows, boolean returning) {
        StringBuilder sql = new StringBuilder("INSERT INTO item (" + COLUMNS + ") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        return returning ? sql.append(" RETURNING id").toString() : sql.toString();
    }

    /** Keys come back in the order of the rows (all three databases do so for one statement or batch). */
    private static void assignKeys(List<PlainItem> rows, ResultSet keys) throws SQLException {
        int i = 0;
        while (keys.next()) {
            rows.get(i++).id = keys.getLong(1);
        }
        Check.that(i == rows.size(), i + " keys returned for " + rows.size() + " rows");
    }

    /** Reads every row into plain instances. */
    public static List<PlainItem> loadAll(Connection c) throws SQLException {
        List<PlainItem> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(read(rs));
            }
        }
        return rows;
    }

    /** The statement that reads one row by key. */
    public static PreparedStatement prepareById(Connection c) throws SQLException {
        return c.prepareStatement(SELECT + " WHERE id = ?");
    }

    /** Reads one row by key with a statement from {@link #prepareById(Connection)}; null if absent. */
    public static PlainItem byId(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? read(rs) : null;
        }
    }

    private static PlainItem read(ResultSet rs) throws SQLException {
        return new PlainItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5));
    }

    /** Writes the names of these rows in one JDBC batch. */
    public static void updateNames(Connection c, List<PlainItem> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE item SET name = ? WHERE id = ?")) {
            for (PlainItem r : rows) {
                ps.setString(1, r.name);
                ps.setLong(2, r.id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
