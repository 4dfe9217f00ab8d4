package io.athanor.internal.types;

import io.athanor.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Binds a query parameter of a type without a codec through the driver's {@code setObject}. */
final class ObjectCodec implements ColumnCodec {
    static final ObjectCodec INSTANCE = new ObjectCodec();

    private ObjectCodec() {
    }

    @Override
    public Class<?> javaType() {
        return Object.class;
    }

    @Override
    public String ddlType(Dialect dialect, ColumnSpec spec) {
        throw new UnsupportedOperationException("No column type for arbitrary objects");
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value, Dialect dialect) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else {
            ps.setObject(index, value);
        }
    }

    @Override
    public Object read(ResultSet rs, int index, Dialect dialect) throws SQLException {
        return rs.getObject(index);
    }

    @Override
    public String toString() {
        return "Codec[Object]";
    }
}
