package io.athanor.processor;

/** The outcome of reading one {@code @Mapped} class. */
sealed interface Reading {

    /** The metamodel can be generated. */
    record Ready(MappedClass model) implements Reading {
    }

    /** A type is not known yet (another processor may generate it in a later round). */
    record Unresolved() implements Reading {
    }

    /** Generation is impossible; an error was reported. */
    record Invalid() implements Reading {
    }
}
