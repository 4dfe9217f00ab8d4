package io.athanor.internal.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.athanor.Dialect;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.Parameter;

/** Runs on every selected database; round-trips values through a table with one codec column. */
@AllDatabases
abstract class CodecTestBase {
    private static final AtomicInteger TABLES = new AtomicInteger();

    @Parameter
    DatabaseHandle db;

    Dialect dialect() {
        return Dialect.valueOf(db.kind().name());
    }

    Connection connect() throws SQLException {
        return db.dataSource().getConnection();
    }

    /** Creates a table {@code (id INT PRIMARY KEY, v <ddl>)} and returns its name. */
    String createTable(ColumnCodec codec, ColumnSpec spec) throws SQLException {
        String table = "codec_" + TABLES.incrementAndGet();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("create table " + table + " (id INT PRIMARY KEY, v " + codec.ddlType(dialect(), spec) + ")");
        }
        return table;
    }

    /** Binds each value into a fresh table, reads them back in order, and drops the table. */
    List<Object> roundTrip(ColumnCodec codec, ColumnSpec spec, List<?> values) throws SQLException {
        String table = createTable(codec, spec);
        try (Connection c = connect()) {
            insert(c, table, codec, values);
            List<Object> read = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select v from " + table + " order by id")) {
                while (rs.next()) {
                    read.add(codec.read(rs, 1, dialect()));
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("drop table " + table);
            }
            return read;
        }
    }

    void insert(Connection c, String table, ColumnCodec codec, List<?> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (id, v) values (?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                ps.setInt(1, i);
                codec.bind(ps, 2, values.get(i), dialect());
                ps.executeUpdate();
            }
        }
    }

    /** Asserts that each value reads back as {@code expected.apply(value)} (null stays null). */
    <T> void assertRoundTrip(Class<T> type, ColumnSpec spec, List<T> values, UnaryOperator<T> expected) throws SQLException {
        ColumnCodec codec = Codecs.forJavaType(type);
        assertNotNull(codec, type.getName());
        List<Object> read = roundTrip(codec, spec, values);
        List<Object> want = new ArrayList<>();
        for (T value : values) {
            want.add(value == null ? null : expected.apply(value));
        }
        if (type == byte[].class) {
            assertEquals(want.size(), read.size());
            for (int i = 0; i < want.size(); i++) {
                assertArrayEquals((byte[]) want.get(i), (byte[]) read.get(i), "value " + i);
            }
        } else {
            assertEquals(want, read, () -> codec.ddlType(dialect(), spec) + " on " + db);
        }
    }

    <T> void assertRoundTrip(Class<T> type, List<T> values) throws SQLException {
        assertRoundTrip(type, ColumnSpec.DEFAULT, values, UnaryOperator.identity());
    }

    @SafeVarargs
    static <T> List<T> values(T... values) {
        List<T> list = new ArrayList<>(values.length);
        for (T value : values) {
            list.add(value);
        }
        return list;
    }
}
