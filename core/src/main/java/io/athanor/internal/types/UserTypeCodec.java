package io.athanor.internal.types;

import io.athanor.Dialect;
import io.athanor.types.ColumnType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A user {@link ColumnType} layered on the built-in codec of its {@code storedAs()} type. */
final class UserTypeCodec<J> implements ColumnCodec {
    private final ColumnType<J> type;
    private final ColumnCodec stored;

    UserTypeCodec(ColumnType<J> type, ColumnCodec stored) {
        this.type = type;
        this.stored = stored;
    }

    @Override
    public Class<J> javaType() {
        return type.javaType();
    }

    @Override
    public String ddlType(Dialect dialect, ColumnSpec spec) {
        return stored.ddlType(dialect, spec);
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value, Dialect dialect) throws SQLException {
        stored.bind(ps, index, value == null ? null : type.toDatabase(type.javaType().cast(value)), dialect);
    }

    @Override
    public Object read(ResultSet rs, int index, Dialect dialect) throws SQLException {
        Object value = stored.read(rs, index, dialect);
        return value == null ? null : type.fromDatabase(value);
    }

    @Override
    public String toString() {
        return "Codec[" + type.getClass().getName() + " as " + stored + "]";
    }
}
