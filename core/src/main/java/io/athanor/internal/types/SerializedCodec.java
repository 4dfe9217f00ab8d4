package io.athanor.internal.types;

import io.athanor.Dialect;
import io.athanor.InvalidRequestException;
import io.athanor.internal.messages.SessionMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Java serialisation in a large binary column (SQLAlchemy's {@code PickleType}): PostgreSQL
 * {@code BYTEA}, H2 {@code BLOB}, MariaDB {@code LONGBLOB}. Classes are resolved through the
 * thread's context class loader first, so application classes load in containers.
 */
final class SerializedCodec implements ColumnCodec {
    static final SerializedCodec INSTANCE = new SerializedCodec();

    private SerializedCodec() {
    }

    @Override
    public Class<?> javaType() {
        return Object.class;
    }

    @Override
    public String ddlType(Dialect dialect, ColumnSpec spec) {
        return switch (dialect) {
            case POSTGRESQL -> "BYTEA";
            case H2 -> "BLOB";
            case MARIADB -> "LONGBLOB";
        };
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value, Dialect dialect) throws SQLException {
        if (value == null) {
            ps.setNull(index, dialect == Dialect.POSTGRESQL ? Types.BINARY : Types.BLOB);
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new InvalidRequestException(SessionMessages.notSerializable(value, e.toString()), e);
        }
        ps.setBytes(index, bytes.toByteArray());
    }

    @Override
    public Object read(ResultSet rs, int index, Dialect dialect) throws SQLException {
        byte[] bytes = rs.getBytes(index);
        if (bytes == null) {
            return null;
        }
        try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new InvalidRequestException(SessionMessages.notDeserializable(e.toString()), e);
        }
    }

    @Override
    public String toString() {
        return "Codec[Serialized]";
    }

    /** Resolves classes with the context class loader, then as the JDK does. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall through to the default resolution
                }
            }
            return super.resolveClass(desc);
        }
    }
}
