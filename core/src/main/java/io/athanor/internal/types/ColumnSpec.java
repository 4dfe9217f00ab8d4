package io.athanor.internal.types;

/** Length, precision and scale of a column. */
public record ColumnSpec(int length, int precision, int scale) {
}
