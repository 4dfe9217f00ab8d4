package io.athanor.core.model;

import java.math.BigDecimal;

/** A value stored through a user ColumnType, as cents. */
public record Money(BigDecimal amount) {
}
