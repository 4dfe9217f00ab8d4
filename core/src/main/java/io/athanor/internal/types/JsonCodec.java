package io.athanor.internal.types;

import io.athanor.Dialect;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A JSON column converted with Jakarta JSON Binding: H2 {@code JSON} (bound as UTF-8 bytes, since
 * H2 turns a bound string into a JSON string literal), PostgreSQL {@code jsonb} (bound as a string
 * of type {@code OTHER}, which the server casts), MariaDB {@code JSON} (its alias for
 * {@code LONGTEXT} with a {@code json_valid} check). A Java null is SQL NULL. The text form
 * ({@link io.athanor.types.JsonText}) is PostgreSQL {@code json}, bound the same way.
 */
final class JsonCodec implements ColumnCodec {
    private final Type type;
    private final Class<?> rawType;
    private final boolean text;

    JsonCodec(Type type, boolean text) {
        this.type = type;
        this.rawType = rawType(type);
        this.text = text;
    }

    @Override
    public Class<?> javaType() {
        return rawType;
    }

    @Override
    public String ddlType(Dialect dialect, ColumnSpec spec) {
        if (dialect == Dialect.POSTGRESQL) {
            return text ? "json" : "jsonb";
        }
        return "JSON";
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value, Dialect dialect) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
            return;
        }
        String json = JsonbHolder.JSONB.toJson(value, type);
        switch (dialect) {
            case H2 -> ps.setBytes(index, json.getBytes(StandardCharsets.UTF_8));
            case POSTGRESQL -> ps.setObject(index, json, Types.OTHER);
            case MARIADB -> ps.setString(index, json);
        }
    }

    @Override
    public Object read(ResultSet rs, int index, Dialect dialect) throws SQLException {
        String json = rs.getString(index);
        return json == null ? null : JsonbHolder.JSONB.fromJson(json, type);
    }

    @Override
    public String toString() {
        return "JsonCodec[" + type.getTypeName() + (text ? ", text" : "") + "]";
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    /** One Jsonb for the JVM, created at first use; Jsonb instances are thread-safe. */
    private static final class JsonbHolder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
