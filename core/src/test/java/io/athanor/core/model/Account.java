package io.athanor.core.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Version;
import java.math.BigDecimal;

/** Optimistic locking. */
@Mapped
public class Account {
    @Id
    public Long id;
    @Version
    public int version;
    @Column(precision = 12, scale = 2)
    public BigDecimal balance;
    public String owner;

    Account() {
    }

    public Account(String owner, BigDecimal balance) {
        this.owner = owner;
        this.balance = balance;
    }
}
