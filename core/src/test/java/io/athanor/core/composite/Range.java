package io.athanor.core.composite;

import java.math.BigDecimal;

/** A mutable composite value: a class with a no-argument constructor and fields. */
public class Range {
    public BigDecimal low;
    public BigDecimal high;

    public Range() {
    }

    public Range(BigDecimal low, BigDecimal high) {
        this.low = low;
        this.high = high;
    }
}
