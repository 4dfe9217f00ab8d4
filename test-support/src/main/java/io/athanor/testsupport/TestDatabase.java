package io.athanor.testsupport;

import java.util.Locale;

/** The databases the tests run on; {@link #id()} is the name used in properties and reports. */
public enum TestDatabase {
    H2, POSTGRESQL, MARIADB;

    /** The lower-case name: {@code h2}, {@code postgresql}, {@code mariadb}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The database named {@code id} (case-insensitive); fails on an unknown name. */
    public static TestDatabase of(String id) {
        for (TestDatabase db : values()) {
            if (db.id().equalsIgnoreCase(id.trim())) {
                return db;
            }
        }
        throw new IllegalArgumentException("Unknown test database '" + id + "'; expected h2, postgresql or mariadb");
    }
}
