package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/** A cash payment: table {@code w10j_cash}, keyed by {@code id}, joined to {@link HJoinedPayment}'s. */
@Entity(name = "HJoinedCashPayment")
@Table(name = "w10j_cash")
@PrimaryKeyJoinColumn(name = "id")
@DiscriminatorValue("cash")
public class HJoinedCashPayment extends HJoinedPayment {
    @Column(name = "till")
    private Integer till;
    @Column(name = "received_by", length = 20)
    private String receivedBy;

    protected HJoinedCashPayment() {
    }

    public Integer getTill() {
        return till;
    }

    public String getReceivedBy() {
        return receivedBy;
    }
}
