package io.athanor.internal.persistence;

import io.athanor.Dialect;
import io.athanor.StaleDataException;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.Jdbc;
import io.athanor.internal.engine.SqlLog;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.sql.MapperStatements;
import io.athanor.internal.state.StateImpl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one mapper's share of a flush: multi-row INSERTs (generated keys back in the same round
 * trip), UPDATEs of changed columns batched by shape, and DELETEs batched, checking row counts.
 * Memory is not changed here beyond generated keys and version counters: the flush commits states
 * only after every statement succeeded.
 */
public final class Persister {
    private final EngineImpl engine;
    private final Connection connection;
    private final Dialect dialect;
    private final Mapper mapper;
    private final MapperStatements sql;
    private final boolean echo;

    public Persister(EngineImpl engine, Connection connection, Mapper mapper) {
        this.engine = engine;
        this.connection = connection;
        this.dialect = engine.dialect();
        this.mapper = mapper;
        this.sql = mapper.statements(dialect);
        this.echo = engine.echo();
    }

    // ---- INSERT ------------------------------------------------------------------------------------

    public void insert(List<StateImpl> states) {
        ColumnModel generated = mapper.generatedKey();
        ColumnModel version = mapper.version();
        Map<BitSet, List<StateImpl>> shapes = new LinkedHashMap<>();
        BitSet shape = new BitSet();
        BitSet lastShape = null;
        List<StateImpl> lastGroup = null;
        for (StateImpl s : states) {
            if (version != null) {
                Object v = s.value(version);
                if (v == null || ((Number) v).longValue() == 0) {
                    s.obj.$athanor$set(version.fieldIndex(), 1);
                }
            }
            insertShape(s, generated, shape);
            if (!shape.equals(lastShape)) {
                // a run of rows of one shape (the usual case) shares one key and one lookup
                lastShape = (BitSet) shape.clone();
                lastGroup = shapes.computeIfAbsent(lastShape, k -> new ArrayList<>());
            }
            lastGroup.add(s);
        }
        for (Map.Entry<BitSet, List<StateImpl>> e : shapes.entrySet()) {
            BitSet cols = e.getKey();
            boolean needsKey = generated != null && !cols.get(generated.position());
            int per = sql.rowsPerInsert(Math.max(1, cols.cardinality()));
            List<StateImpl> group = e.getValue();
            for (int from = 0; from < group.size(); from += per) {
                insertChunk(cols, group.subList(from, Math.min(group.size(), from + per)), needsKey);
            }
        }
    }

    /** Sets in {@code cols} the columns the INSERT of {@code s} lists. */
    private void insertShape(StateImpl s, ColumnModel generated, BitSet cols) {
        cols.clear();
        for (ColumnModel c : mapper.columns()) {
            Object v = s.value(c);
            if (c == generated && (v == null || (c.primitive() && ((Number) v).longValue() == 0))) {
                continue;
            }
            if (v == null && c.serverDefault() != null) {
                continue;
            }
            cols.set(c.position());
        }
    }

    private void insertChunk(BitSet cols, List<StateImpl> rows, boolean needsKey) {
        if (cols.isEmpty()) {
            for (StateImpl s : rows) {
                insertDefaults(s, needsKey);
            }
            return;
        }
        boolean returning = needsKey && engine.supportsInsertReturning();
        String statement = sql.insert(cols, rows.size(), returning);
        List<Object> params = echo ? new ArrayList<>() : null;
        try (PreparedStatement ps = Jdbc.prepare(connection, statement, needsKey && !returning)) {
            int p = 1;
            for (StateImpl s : rows) {
                for (int i = cols.nextSetBit(0); i >= 0; i = cols.nextSetBit(i + 1)) {
                    ColumnModel c = mapper.columns()[i];
                    Object v = s.value(c);
                    bind(ps, p++, c, v, params);
                }
            }
            SqlLog.statement(engine, statement, params);
            if (!needsKey) {
                ps.executeUpdate();
                return;
            }
            if (returning) {
                try (ResultSet rs = ps.executeQuery()) {
                    assignKeys(rows, rs);
                }
            } else {
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    assignKeys(rows, rs);
                }
            }
        } catch (SQLException e) {
            throw Errors.database(SessionMessages.insertFailed(mapper.table()), e, statement);
        }
    }

    /** A row of only defaults: no column to list, so each row is its own statement. */
    private void insertDefaults(StateImpl s, boolean needsKey) {
        String statement = switch (dialect) {
            case MARIADB -> "INSERT INTO `" + mapper.table() + "` () VALUES ()";
            default -> "INSERT INTO \"" + mapper.table() + "\" DEFAULT VALUES";
        };
        SqlLog.statement(engine, statement, List.of());
        try (PreparedStatement ps = Jdbc.prepare(connection, statement, needsKey)) {
            ps.executeUpdate();
            if (needsKey) {
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    assignKeys(List.of(s), rs);
                }
            }
        } catch (SQLException e) {
            throw Errors.database(SessionMessages.insertFailed(mapper.table()), e, statement);
        }
    }

    /**
     * Generated keys come back one per row; they increase in the order the rows were written, which
     * is the order of the VALUES list, so sorting them restores the pairing even if the database
     * returned them in another order.
     */
    private void assignKeys(List<StateImpl> rows, ResultSet rs) throws SQLException {
        ColumnModel key = mapper.generatedKey();
        long[] keys = new long[rows.size()];
        int n = 0;
        while (rs.next()) {
            if (n == keys.length) {
                throw new SQLException("the database returned more generated keys than rows inserted into "
                        + mapper.table());
            }
            keys[n++] = rs.getLong(1);
        }
        if (n != keys.length) {
            throw new SQLException("the database returned " + n + " generated keys for " + keys.length
                    + " rows inserted into " + mapper.table());
        }
        Arrays.sort(keys);
        boolean isInt = key.javaType() == Integer.class || key.javaType() == int.class;
        for (int i = 0; i < keys.length; i++) {
            rows.get(i).obj.$athanor$set(key.fieldIndex(), isInt ? (Object) (int) keys[i] : (Object) keys[i]);
        }
    }

    // ---- UPDATE ------------------------------------------------------------------------------------

    /** Updates the states with net changes; returns those it wrote. */
    public List<StateImpl> update(List<StateImpl> states) {
        return update(states, null);
    }

    /**
     * As {@link #update(List)}; with {@code whole}, the mapper of a joined hierarchy's rows, this base
     * table's version counter also counts changes the rows have in the other tables.
     */
    public List<StateImpl> update(List<StateImpl> states, Mapper whole) {
        ColumnModel version = mapper.version();
        Map<BitSet, List<StateImpl>> shapes = new LinkedHashMap<>();
        for (StateImpl s : states) {
            BitSet cols = new BitSet();
            for (int f = s.nextChanged(0); f >= 0; f = s.nextChanged(f + 1)) {
                for (ColumnModel c : mapper.columnsAt(f)) {
                    if (c != version && s.columnChanged(c)) {
                        cols.set(c.position());
                    }
                }
            }
            if (cols.isEmpty() && (whole == null || !changedIn(s, whole))) {
                continue;
            }
            if (version != null) {
                cols.set(version.position());
            }
            shapes.computeIfAbsent(cols, k -> new ArrayList<>()).add(s);
        }
        List<StateImpl> written = new ArrayList<>();
        for (Map.Entry<BitSet, List<StateImpl>> e : shapes.entrySet()) {
            updateBatch(e.getKey(), e.getValue());
            written.addAll(e.getValue());
        }
        return written;
    }

    private static boolean changedIn(StateImpl s, Mapper whole) {
        for (int f = s.nextChanged(0); f >= 0; f = s.nextChanged(f + 1)) {
            for (ColumnModel c : whole.columnsAt(f)) {
                if (!c.version() && s.columnChanged(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void updateBatch(BitSet cols, List<StateImpl> rows) {
        ColumnModel version = mapper.version();
        String statement = sql.update(cols);
        long[] newVersions = new long[rows.size()];
        List<List<Object>> logged = echo ? new ArrayList<>() : null;
        try (PreparedStatement ps = connection.prepareStatement(statement)) {
            for (int r = 0; r < rows.size(); r++) {
                StateImpl s = rows.get(r);
                List<Object> params = echo ? new ArrayList<>() : null;
                int p = 1;
                long oldVersion = version == null ? 0 : ((Number) s.committedValue(version)).longValue();
                newVersions[r] = oldVersion + 1;
                for (int i = cols.nextSetBit(0); i >= 0; i = cols.nextSetBit(i + 1)) {
                    ColumnModel c = mapper.columns()[i];
                    Object v = c == version ? versionValue(c, newVersions[r]) : s.value(c);
                    bind(ps, p++, c, v, params);
                }
                p = bindKey(ps, p, s, params);
                if (version != null) {
                    Object v = versionValue(version, oldVersion);
                    bind(ps, p, version, v, params);
                }
                if (logged != null) {
                    logged.add(params);
                }
                ps.addBatch();
            }
            SqlLog.batch(engine, statement, logged);
            int[] counts = ps.executeBatch();
            checkCounts("UPDATE", counts, rows.size(), true);
        } catch (SQLException e) {
            throw Errors.database(SessionMessages.updateFailed(mapper.table()), e, statement);
        }
        if (version != null) {
            for (int r = 0; r < rows.size(); r++) {
                rows.get(r).obj.$athanor$set(version.fieldIndex(), versionValue(version, newVersions[r]));
            }
        }
    }

    private static Object versionValue(ColumnModel version, long value) {
        Class<?> t = version.javaType();
        return t == Integer.class || t == int.class ? (Object) (int) value : (Object) value;
    }

    private int bindKey(PreparedStatement ps, int p, StateImpl s, List<Object> params) throws SQLException {
        // The row's key is the identity key: the committed value of a key attribute written while it
        // was expired is unknown (it would bind NULL and match no row).
        Object[] identity = s.key() == null ? null : mapper.keyValues(s.key());
        ColumnModel[] keyColumns = mapper.primaryKey();
        for (int i = 0; i < keyColumns.length; i++) {
            ColumnModel k = keyColumns[i];
            Object v = identity != null ? identity[i] : s.committedValue(k);
            bind(ps, p++, k, v, params);
        }
        return p;
    }

    private void checkCounts(String verb, int[] counts, int expected, boolean raise) {
        long matched = 0;
        for (int c : counts) {
            if (c == Statement.SUCCESS_NO_INFO) {
                return;
            }
            matched += c;
        }
        if (matched != expected && raise) {
            throw new StaleDataException(SessionMessages.staleRows(verb, mapper.table(), expected, matched,
                    mapper.version() != null));
        }
    }

    /** Binds one value through its column's codec, noting it for the statement log when echo is on. */
    private void bind(PreparedStatement ps, int index, ColumnModel column, Object value, List<Object> params)
            throws SQLException {
        column.codec().bind(ps, index, value, dialect);
        if (params != null) {
            params.add(value);
        }
    }

    // ---- DELETE ------------------------------------------------------------------------------------

    public void delete(List<StateImpl> states) {
        String statement = sql.delete();
        ColumnModel version = mapper.version();
        List<List<Object>> logged = echo ? new ArrayList<>() : null;
        try (PreparedStatement ps = connection.prepareStatement(statement)) {
            for (StateImpl s : states) {
                List<Object> params = echo ? new ArrayList<>() : null;
                int p = bindKey(ps, 1, s, params);
                if (version != null) {
                    Object v = s.committedValue(version);
                    bind(ps, p, version, v, params);
                }
                if (logged != null) {
                    logged.add(params);
                }
                ps.addBatch();
            }
            SqlLog.batch(engine, statement, logged);
            int[] counts = ps.executeBatch();
            checkCounts("DELETE", counts, states.size(), version != null);
        } catch (SQLException e) {
            throw Errors.database(SessionMessages.deleteFailed(mapper.table()), e, statement);
        }
    }
}
