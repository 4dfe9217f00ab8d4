package io.athanor.servers.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a table holds, read in the server through the data source's JNDI name with plain JDBC, on a
 * connection of its own outside any transaction; quoted as Athanor creates the tables (lower case).
 */
public final class Rows {
    private Rows() {
    }

    /** The JNDI name of the default unit's data source ({@code athanor.datasource}). */
    public static String defaultUnit() {
        return config("athanor.datasource");
    }

    public static String config(String key) {
        return ConfigProvider.getConfig(Rows.class.getClassLoader()).getValue(key, String.class);
    }

    public static DataSource dataSource(String jndiName) {
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of {@code column}, sorted. */
    public static List<String> names(String jndiName, String table, String column) {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource(jndiName).getConnection(); Statement st = c.createStatement()) {
            String q = c.getMetaData().getIdentifierQuoteString().strip();
            try (ResultSet rs = st.executeQuery("select " + q + column + q + " from " + q + table + q
                    + " order by " + q + column + q)) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /**
     * The rows of {@code sql}, each as its columns joined by ':', in the query's order; each {@code "} of
     * {@code sql} is replaced by the database's identifier quote.
     */
    public static List<String> query(String jndiName, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource(jndiName).getConnection(); Statement st = c.createStatement()) {
            String q = c.getMetaData().getIdentifierQuoteString().strip();
            try (ResultSet rs = st.executeQuery(sql.replace("\"", q))) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(i > 1 ? ":" : "").append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Empties the tables, if they exist. */
    public static void clear(String jndiName, String... tables) {
        try (Connection c = dataSource(jndiName).getConnection(); Statement st = c.createStatement()) {
            String q = c.getMetaData().getIdentifierQuoteString().strip();
            for (String t : tables) {
                st.execute("delete from " + q + t + q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
