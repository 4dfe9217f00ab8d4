package io.athanor.core.model;

import io.athanor.types.ColumnType;
import java.math.BigDecimal;

/** SQLAlchemy's TypeDecorator: Money stored as a BIGINT of cents. */
public class MoneyType implements ColumnType<Money> {
    @Override
    public Class<Money> javaType() {
        return Money.class;
    }

    @Override
    public Class<?> storedAs() {
        return Long.class;
    }

    @Override
    public Object toDatabase(Money value) {
        return value.amount().movePointRight(2).longValueExact();
    }

    @Override
    public Money fromDatabase(Object value) {
        return new Money(BigDecimal.valueOf(((Number) value).longValue(), 2));
    }
}
