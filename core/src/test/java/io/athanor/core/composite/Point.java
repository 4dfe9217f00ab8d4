package io.athanor.core.composite;

/** An immutable composite value: a record. */
public record Point(int x, int y) {
}
