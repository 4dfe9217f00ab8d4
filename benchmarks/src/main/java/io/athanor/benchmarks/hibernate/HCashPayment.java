package io.athanor.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A cash payment of {@link HPayment}'s single table. */
@Entity(name = "HCashPayment")
@DiscriminatorValue("cash")
public class HCashPayment extends HPayment {
    @Column(name = "till")
    private Integer till;
    @Column(name = "received_by", length = 20)
    private String receivedBy;

    protected HCashPayment() {
    }

    public Integer getTill() {
        return till;
    }

    public String getReceivedBy() {
        return receivedBy;
    }
}
