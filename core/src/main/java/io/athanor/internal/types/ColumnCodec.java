package io.athanor.internal.types;

import io.athanor.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Converts one Java type to and from a column, per dialect. Stateless, thread-safe. */
public interface ColumnCodec {

    /** The Java type this codec converts (the wrapper type for primitives). */
    Class<?> javaType();

    /** DDL type, e.g. "VARCHAR(255)", "BIGINT", "NUMERIC(19, 2)", "jsonb". */
    String ddlType(Dialect dialect, ColumnSpec spec);

    /** Binds value (may be null) at index. */
    void bind(PreparedStatement ps, int index, Object value, Dialect dialect) throws SQLException;

    /** Reads the column at index; null for SQL NULL (also for primitive field types: the caller maps null). */
    Object read(ResultSet rs, int index, Dialect dialect) throws SQLException;
}
