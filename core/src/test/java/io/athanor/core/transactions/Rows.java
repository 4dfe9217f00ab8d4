package io.athanor.core.transactions;

import io.athanor.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The database as another client sees it: every read and write here runs on a connection of its
 * own in auto-commit mode, never on the session's, so it sees committed rows only.
 */
final class Rows {
    private final Engine engine;

    Rows(Engine engine) {
        this.engine = engine;
    }

    /** {@code id -> name} of every committed row of {@code users}. */
    Map<Long, String> users() {
        Map<Long, String> out = new TreeMap<>();
        for (List<Object> row : query("SELECT id, name FROM users")) {
            out.put(((Number) row.get(0)).longValue(), (String) row.get(1));
        }
        return out;
    }

    /** The committed user names, sorted. */
    List<String> names() {
        List<String> out = new ArrayList<>(users().values());
        out.sort(null);
        return out;
    }

    /** The committed name of user {@code id}, or {@code null} when there is no such row. */
    String name(long id) {
        return users().get(id);
    }

    /** The first column of the only row, or {@code null} when there is none. */
    Object scalar(String sql, Object... params) {
        List<List<Object>> rows = query(sql, params);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    List<List<Object>> query(String sql, Object... params) {
        try (Connection c = engine.dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<List<Object>> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            row.add(rs.getObject(i));
                        }
                        out.add(row);
                    }
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Another client's committed change; returns the number of rows it touched. */
    int change(String sql, Object... params) {
        try (Connection c = engine.dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
