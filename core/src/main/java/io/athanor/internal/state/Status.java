package io.athanor.internal.state;

/** The lifecycle of an instance, as SQLAlchemy's object states. */
public enum Status {
    TRANSIENT, PENDING, PERSISTENT, DELETED, DETACHED
}
