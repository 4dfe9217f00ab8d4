package io.athanor;

/** The databases Athanor supports; an {@code Engine} detects its dialect from the connection. */
public enum Dialect {
    H2, POSTGRESQL, MARIADB
}
