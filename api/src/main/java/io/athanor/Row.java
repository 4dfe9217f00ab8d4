package io.athanor;

import java.util.List;

/** One row of a {@link Result}: values read by position (from 0) or by column label. */
public interface Row {
    /** The value at {@code index}. */
    Object get(int index);

    /** The value of the column labelled {@code label} (case-insensitive). */
    Object get(String label);

    /** The value at {@code index}, cast to {@code type}. */
    <T> T get(int index, Class<T> type);

    /** The value labelled {@code label}, cast to {@code type}. */
    <T> T get(String label, Class<T> type);

    /** The number of columns. */
    int size();

    /** The column labels, in order. */
    List<String> labels();
}
