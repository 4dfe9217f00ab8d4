package io.athanor.internal.types;

import io.athanor.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BiFunction;

/** A codec assembled from functions; binds SQL NULL itself, so binders see non-null values only. */
final class SimpleCodec<T> implements ColumnCodec {

    /** Binds a non-null value. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, int index, T value, Dialect dialect) throws SQLException;
    }

    /** Reads a column, returning null for SQL NULL. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs, int index, Dialect dialect) throws SQLException;
    }

    private final Class<T> javaType;
    private final BiFunction<Dialect, ColumnSpec, String> ddl;
    private final int nullType;
    private final Binder<T> binder;
    private final Reader<T> reader;

    SimpleCodec(Class<T> javaType, BiFunction<Dialect, ColumnSpec, String> ddl, int nullType, Binder<T> binder,
                Reader<T> reader) {
        this.javaType = javaType;
        this.ddl = ddl;
        this.nullType = nullType;
        this.binder = binder;
        this.reader = reader;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public String ddlType(Dialect dialect, ColumnSpec spec) {
        return ddl.apply(dialect, spec);
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value, Dialect dialect) throws SQLException {
        if (value == null) {
            ps.setNull(index, nullType);
        } else {
            binder.bind(ps, index, javaType.cast(value), dialect);
        }
    }

    @Override
    public Object read(ResultSet rs, int index, Dialect dialect) throws SQLException {
        return reader.read(rs, index, dialect);
    }

    @Override
    public String toString() {
        return "Codec[" + javaType.getSimpleName() + "]";
    }
}
