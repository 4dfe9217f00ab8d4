package io.athanor;

import java.util.Set;

/**
 * What Athanor knows about one mapped instance: SQLAlchemy's {@code InstanceState}, returned by
 * {@code Athanor.inspect(obj)}. Exactly one of the five state predicates is true.
 */
public interface InstanceState {
    /** Not in a session and never flushed. */
    boolean isTransient();

    /** Added to a session but not flushed yet. */
    boolean isPending();

    /** In a session with a database identity. */
    boolean isPersistent();

    /** Deleted in a flush whose transaction is not committed yet. */
    boolean isDeleted();

    /** Had a database identity but belongs to no session now. */
    boolean isDetached();

    /** The session it belongs to, or {@code null}. */
    Session session();

    /** The primary key value (a {@link Key} for composite keys), or {@code null} before the first flush. */
    Object identity();

    /** Names of the attributes that are expired (their next read loads them). */
    Set<String> expiredAttributes();

    /** Names of the attributes that hold no loaded value (expired or never loaded). */
    Set<String> unloadedAttributes();

    /** Whether any attribute has a change to flush. */
    boolean isModified();

    /** One attribute by name; {@link InvalidRequestException} for an unknown name. */
    AttributeState attr(String name);

    /** The instance itself. */
    Object object();
}
