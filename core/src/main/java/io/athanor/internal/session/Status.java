package io.athanor.internal.session;

/** The lifecycle of an instance, as SQLAlchemy's object states. */
enum Status {
    TRANSIENT, PENDING, PERSISTENT, DELETED, DETACHED
}
