package io.athanor.types;

/**
 * Marks a column holding a Java-serialised object: {@code @Column(type = Serialized.class)} on a
 * field of any {@link java.io.Serializable} type, SQLAlchemy's {@code PickleType}. Stored in a
 * large binary column ({@code BYTEA} on PostgreSQL, {@code BLOB} on H2, {@code LONGBLOB} on
 * MariaDB). A change is detected by {@code equals} against the value loaded, so give the stored
 * class a value {@code equals} (or use mutation tracking). Only store classes your application
 * controls: reading the column deserialises whatever the database holds.
 */
public final class Serialized {
    private Serialized() {
    }
}
