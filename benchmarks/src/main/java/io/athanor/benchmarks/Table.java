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
import javax.sql.DataSource;

/** Set-up and checking helpers on table {@code item}, in plain JDBC (never measured). */
public final class Table {
    private final DataSource dataSource;
    private final TestDatabase kind;

    Table(DataSource dataSource, TestDatabase kind) {
        this.dataSource = dataSource;
        this.kind = kind;
    }

    /** The values of row number {@code i} (0-based) of every workload. */
    public static PlainItem row(int i) {
        return new PlainItem(0, "name" + i, "user" + i + "@example.org", i % 100, i);
    }

    void createSequence(int increment) {
        update("DROP SEQUENCE IF EXISTS item_seq");
        update("CREATE SEQUENCE item_seq START WITH 1 INCREMENT BY " + increment);
    }

    /** Deletes every row and restarts the IDENTITY counter. */
    public void truncate() {
        update(kind == TestDatabase.MARIADB ? "TRUNCATE TABLE item" : "TRUNCATE TABLE item RESTART IDENTITY");
    }

    /** One scalar of a query, e.g. a count. */
    public long queryLong(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            c.commit();
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count() {
        return queryLong("SELECT COUNT(*) FROM item");
    }

    /**
     * Makes the table hold exactly rows {@code 0..n-1} of {@link #row(int)} (refilling it only when
     * the count differs) and returns their keys in ascending order.
     */
    public long[] ensureRows(int n) {
        if (count() != n) {
            truncate();
            List<PlainItem> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(row(i));
            }
            try (Connection c = dataSource.getConnection()) {
                PlainJdbc.insertMultiRow(c, rows, kind);
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("could not fill table item", e);
            }
        }
        long[] ids = new long[n];
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM item ORDER BY id")) {
            int i = 0;
            while (rs.next()) {
                ids[i++] = rs.getLong(1);
            }
            c.commit();
            Check.that(i == n, "table item holds " + i + " rows, expected " + n);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the keys of item", e);
        }
        return ids;
    }

    private void update(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Checks after an insert workload: the table holds {@code n} rows and {@code keys} are n distinct keys. */
    public void checkInserted(int n, long[] keys) {
        Check.that(keys.length == n, "expected " + n + " keys, got " + keys.length);
        long[] sorted = keys.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            Check.that(sorted[i] > 0, "a key is missing after the insert");
            Check.that(i == 0 || sorted[i] != sorted[i - 1], "key " + sorted[i] + " was given twice");
        }
        Check.that(count() == n, "table item holds " + count() + " rows after inserting " + n);
        Check.that(queryLong("SELECT COUNT(*) FROM item WHERE id = " + sorted[n - 1] + " AND name LIKE 'name%'") == 1,
                "the highest key is not in the table");
    }

    /** Binds the four non-key columns of a row from parameter {@code p} on. */
    static void bind(PreparedStatement ps, int p, PlainItem r) throws SQLException {
        ps.setString(p, r.name);
        ps.setString(p + 1, r.email);
        ps.setInt(p + 2, r.quantity);
        ps.setLong(p + 3, r.score);
    }
}
