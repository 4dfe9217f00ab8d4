package io.athanor.internal.types;

/**
 * The size of a column as mapped: {@code length} for strings, binaries and enums, {@code precision}
 * and {@code scale} for {@code BigDecimal}. A {@code length} or {@code precision} of 0 or less means
 * the default: {@value #DEFAULT_LENGTH} characters or bytes, {@code NUMERIC(19, 2)}.
 */
public record ColumnSpec(int length, int precision, int scale) {
    /** The default length of strings, binaries and enums. */
    public static final int DEFAULT_LENGTH = 255;
    /** The default precision of decimals. */
    public static final int DEFAULT_PRECISION = 19;
    /** The default scale of decimals (used with the default precision only). */
    public static final int DEFAULT_SCALE = 2;
    /** All defaults. */
    public static final ColumnSpec DEFAULT = new ColumnSpec(0, 0, 0);

    /** A spec with this length and default precision. */
    public static ColumnSpec ofLength(int length) {
        return new ColumnSpec(length, 0, 0);
    }

    /** A spec with this precision and scale. */
    public static ColumnSpec ofPrecision(int precision, int scale) {
        return new ColumnSpec(0, precision, scale);
    }

    /** The length, or {@link #DEFAULT_LENGTH} when not set. */
    public int lengthOrDefault() {
        return length > 0 ? length : DEFAULT_LENGTH;
    }
}
