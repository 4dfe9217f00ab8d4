package io.athanor;

/** One attribute of an inspected instance: SQLAlchemy's {@code AttributeState}. */
public interface AttributeState {
    /** The attribute (field) name. */
    String name();

    /** The value now held, without loading anything; {@code null} when unloaded. */
    Object loadedValue();

    /** The change history since the last flush or load. */
    History history();
}
