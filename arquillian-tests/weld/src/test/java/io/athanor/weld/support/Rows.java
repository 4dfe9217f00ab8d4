package io.athanor.weld.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What a table holds, read on a connection of its own outside any transaction. */
public final class Rows {
    private Rows() {
    }

    public static List<String> names(DataSource ds, String table, String column) {
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select " + column + " from " + table + " order by " + column)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /** The rows of {@code sql}, each as its columns joined by ':', in the query's order. */
    public static List<String> query(DataSource ds, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? ":" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    public static void clear(DataSource ds, String... tables) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String t : tables) {
                st.execute("delete from " + t);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
