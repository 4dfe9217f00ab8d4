package io.athanor.internal.types;

/** TEMPORARY STUB until the real codecs land. */
public final class Codecs {
    private Codecs() {
    }

    record Simple(Class<?> javaType, String ddl) implements ColumnCodec {
        @Override
        public String ddlType(io.athanor.Dialect dialect, ColumnSpec spec) {
            return ddl.equals("VARCHAR") ? "VARCHAR(" + spec.length() + ")" : ddl;
        }

        @Override
        public void bind(java.sql.PreparedStatement ps, int index, Object value, io.athanor.Dialect dialect)
                throws java.sql.SQLException {
            ps.setObject(index, value instanceof Enum<?> e ? e.name() : value);
        }

        @Override
        public Object read(java.sql.ResultSet rs, int index, io.athanor.Dialect dialect) throws java.sql.SQLException {
            Object o = rs.getObject(index);
            if (o == null) {
                return null;
            }
            if (javaType == Long.class || javaType == long.class) {
                return ((Number) o).longValue();
            }
            if (javaType == Integer.class || javaType == int.class) {
                return ((Number) o).intValue();
            }
            if (javaType == Boolean.class || javaType == boolean.class) {
                return o instanceof Number n ? n.intValue() != 0 : o;
            }
            return o;
        }
    }

    public static ColumnCodec forJavaType(Class<?> type) {
        if (type == String.class) {
            return new Simple(type, "VARCHAR");
        }
        if (type == Long.class || type == long.class) {
            return new Simple(type, "BIGINT");
        }
        if (type == Integer.class || type == int.class) {
            return new Simple(type, "INTEGER");
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Simple(type, "BOOLEAN");
        }
        return null;
    }

    public static ColumnCodec json(java.lang.reflect.Type type) {
        return new Simple(String.class, "VARCHAR");
    }

    public static ColumnCodec user(io.athanor.types.ColumnType<?> type) {
        return forJavaType(type.storedAs());
    }

    public static ColumnCodec forValue(Object value) {
        return new Simple(Object.class, "VARCHAR");
    }
}
