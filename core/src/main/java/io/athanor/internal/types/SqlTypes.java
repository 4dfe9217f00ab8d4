package io.athanor.internal.types;

import io.athanor.Dialect;
import java.util.function.BiFunction;

/**
 * DDL rules for sized types. Strings are {@code VARCHAR(n)} up to the dialect's limit and a
 * text type above it: PostgreSQL {@code TEXT} above 10,485,760 characters, H2 {@code CLOB} above
 * 1,000,000,000, MariaDB {@code LONGTEXT} above 16,383 (the most a utf8mb4 {@code VARCHAR} holds;
 * mind MariaDB's 65,535-byte row limit across columns). Binaries are PostgreSQL {@code BYTEA}
 * (any length), H2 {@code VARBINARY(n)} or {@code BLOB} above 1,000,000,000, MariaDB
 * {@code VARBINARY(n)} or {@code LONGBLOB} above 16,383 bytes. Lengths count characters, but H2
 * counts UTF-16 units (a character outside the BMP, such as an emoji, takes two) where PostgreSQL
 * and MariaDB count code points.
 */
final class SqlTypes {
    static final int POSTGRESQL_MAX_VARCHAR = 10_485_760;
    static final int H2_MAX_VARCHAR = 1_000_000_000;
    static final int MARIADB_MAX_VARCHAR = 16_383;

    private SqlTypes() {
    }

    /** A DDL type that does not depend on dialect or size. */
    static BiFunction<Dialect, ColumnSpec, String> fixed(String ddl) {
        return (dialect, spec) -> ddl;
    }

    static String varchar(Dialect dialect, ColumnSpec spec) {
        int n = spec.lengthOrDefault();
        return switch (dialect) {
            case POSTGRESQL -> n > POSTGRESQL_MAX_VARCHAR ? "TEXT" : "VARCHAR(" + n + ")";
            case H2 -> n > H2_MAX_VARCHAR ? "CLOB" : "VARCHAR(" + n + ")";
            case MARIADB -> n > MARIADB_MAX_VARCHAR ? "LONGTEXT" : "VARCHAR(" + n + ")";
        };
    }

    static String varbinary(Dialect dialect, ColumnSpec spec) {
        int n = spec.lengthOrDefault();
        return switch (dialect) {
            case POSTGRESQL -> "BYTEA";
            case H2 -> n > H2_MAX_VARCHAR ? "BLOB" : "VARBINARY(" + n + ")";
            case MARIADB -> n > MARIADB_MAX_VARCHAR ? "LONGBLOB" : "VARBINARY(" + n + ")";
        };
    }

    static String numeric(ColumnSpec spec) {
        return spec.precision() > 0
                ? "NUMERIC(" + spec.precision() + ", " + spec.scale() + ")"
                : "NUMERIC(" + ColumnSpec.DEFAULT_PRECISION + ", " + ColumnSpec.DEFAULT_SCALE + ")";
    }
}
