package io.athanor.internal.types;

import io.athanor.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads of the commonest column types (string, long, int) without calling through their codec:
 * loading calls a codec per column and row, and with several codec functions behind one interface
 * that call cannot be inlined. A column's kind is fixed when its mapping is built; other types go
 * through the codec as before, with the same results.
 */
public final class ColumnReads {
    /** Read through the codec. */
    public static final int CODEC = 0;
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int INTEGER = 3;

    private ColumnReads() {
    }

    /** The kind of read for a codec. */
    public static int kindOf(ColumnCodec codec) {
        if (codec == BuiltinCodecs.STRING) {
            return STRING;
        }
        if (codec == BuiltinCodecs.LONG) {
            return LONG;
        }
        return codec == BuiltinCodecs.INTEGER ? INTEGER : CODEC;
    }

    /** The column's value, as {@code codec.read} gives it. */
    public static Object read(int kind, ColumnCodec codec, ResultSet rs, int index, Dialect dialect)
            throws SQLException {
        switch (kind) {
            case STRING:
                return rs.getString(index);
            case LONG:
                return readLong(rs, index);
            case INTEGER:
                return readInteger(rs, index);
            default:
                return codec.read(rs, index, dialect);
        }
    }

    /** A BIGINT column, {@code null} for SQL NULL (the built-in codec reads with this too). */
    static Long readLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return v == 0 && rs.wasNull() ? null : Long.valueOf(v);
    }

    /** An INTEGER column, {@code null} for SQL NULL (the built-in codec reads with this too). */
    static Integer readInteger(ResultSet rs, int index) throws SQLException {
        int v = rs.getInt(index);
        return v == 0 && rs.wasNull() ? null : Integer.valueOf(v);
    }
}
