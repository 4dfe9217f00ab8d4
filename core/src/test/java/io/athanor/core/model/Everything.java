package io.athanor.core.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One column of every supported Java type. */
@Mapped
public class Everything {
    @Id(autoincrement = false)
    public UUID id;
    public String text;
    public Integer boxedInt;
    public int primitiveInt;
    public Long boxedLong;
    public long primitiveLong;
    public Short shortValue;
    public Boolean boxedBool;
    public boolean primitiveBool;
    public Double doubleValue;
    public Float floatValue;
    @Column(precision = 20, scale = 4)
    public BigDecimal decimal;
    public LocalDate date;
    public LocalDateTime dateTime;
    public OffsetDateTime offsetDateTime;
    public Instant instant;
    @Column(length = 64)
    public byte[] bytes;
    @Column(length = 20)
    public Status status;
    @Column(type = Json.class)
    public List<String> tags;
    @Column(type = MoneyType.class)
    public Money price;

    public Everything() {
    }
}
