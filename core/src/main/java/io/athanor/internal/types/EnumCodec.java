package io.athanor.internal.types;

import io.athanor.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/** An enum stored by {@link Enum#name() name} in {@code VARCHAR(length)}. */
final class EnumCodec implements ColumnCodec {
    private final Class<?> type;
    private final Map<String, Object> byName = new HashMap<>();

    EnumCodec(Class<?> type) {
        this.type = type;
        for (Object constant : type.getEnumConstants()) {
            byName.put(((Enum<?>) constant).name(), constant);
        }
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public String ddlType(Dialect dialect, ColumnSpec spec) {
        return SqlTypes.varchar(dialect, spec);
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value, Dialect dialect) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, ((Enum<?>) type.cast(value)).name());
        }
    }

    @Override
    public Object read(ResultSet rs, int index, Dialect dialect) throws SQLException {
        String name = rs.getString(index);
        if (name == null) {
            return null;
        }
        Object constant = byName.get(name);
        if (constant == null) {
            throw new SQLException("No constant " + name + " in " + type.getName());
        }
        return constant;
    }

    @Override
    public String toString() {
        return "Codec[" + type.getSimpleName() + "]";
    }
}
