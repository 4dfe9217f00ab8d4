package io.athanor.internal.types;

/** Converts one Java type to and from a column, per dialect. Stateless, thread-safe. */
public interface ColumnCodec {
    Class<?> javaType();

    /** DDL type, e.g. "VARCHAR(255)", "BIGINT", "NUMERIC(19, 2)", "jsonb". */
    String ddlType(io.athanor.Dialect dialect, ColumnSpec spec);

    /** Binds value (may be null) at index. */
    void bind(java.sql.PreparedStatement ps, int index, Object value, io.athanor.Dialect dialect) throws java.sql.SQLException;

    /** Reads the column at index; null for SQL NULL. */
    Object read(java.sql.ResultSet rs, int index, io.athanor.Dialect dialect) throws java.sql.SQLException;
}
