package io.athanor.internal.types;

import io.athanor.Dialect;
import io.athanor.MappingException;
import io.athanor.internal.messages.MappingMessages;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A SQL array of a built-in scalar type: PostgreSQL {@code E[]}, H2 {@code E ARRAY}. Values are
 * bound from any {@code Collection} through {@code Connection.createArrayOf} and read back as an
 * {@code ArrayList}. MariaDB has no arrays: its DDL, binds and reads raise a {@link MappingException}.
 */
final class ArrayCodec implements ColumnCodec {
    private static final Map<Class<?>, String> POSTGRES_NAMES = Map.of(
            String.class, "varchar", Integer.class, "int4", Long.class, "int8", Short.class, "int2",
            Boolean.class, "bool", Double.class, "float8", Float.class, "float4", BigDecimal.class, "numeric",
            UUID.class, "uuid");

    private final ColumnCodec element;
    private final String postgresName;
    private final String where;

    ArrayCodec(ColumnCodec element, String postgresName, String where) {
        this.element = element;
        this.postgresName = postgresName;
        this.where = where;
    }

    /** The PostgreSQL element type name for {@code createArrayOf}, or null when the type has no array mapping. */
    static String postgresName(Class<?> elementType) {
        return POSTGRES_NAMES.get(elementType);
    }

    @Override
    public Class<?> javaType() {
        return List.class;
    }

    @Override
    public String ddlType(Dialect dialect, ColumnSpec spec) {
        String elementType = element.ddlType(supported(dialect), spec);
        return dialect == Dialect.POSTGRESQL ? elementType + "[]" : elementType + " ARRAY";
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value, Dialect dialect) throws SQLException {
        supported(dialect);
        if (value == null) {
            ps.setNull(index, Types.ARRAY);
            return;
        }
        Object[] elements = ((Collection<?>) value).toArray();
        ps.setArray(index, ps.getConnection().createArrayOf(postgresName, elements));
    }

    @Override
    public Object read(ResultSet rs, int index, Dialect dialect) throws SQLException {
        supported(dialect);
        Array array = rs.getArray(index);
        if (array == null) {
            return null;
        }
        try {
            return new ArrayList<>(Arrays.asList((Object[]) array.getArray()));
        } finally {
            array.free();
        }
    }

    private Dialect supported(Dialect dialect) {
        if (dialect == Dialect.MARIADB) {
            throw new MappingException(MappingMessages.arrayNotSupported(where, dialect));
        }
        return dialect;
    }

    @Override
    public String toString() {
        return "Codec[ARRAY of " + element + "]";
    }
}
