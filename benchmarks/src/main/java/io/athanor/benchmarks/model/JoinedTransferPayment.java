package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** A joined subclass of {@link JoinedPayment}: table {@code w10j_transfer}, keyed by a copy of the base's key. */
@Mapped(table = "w10j_transfer")
@PolymorphicIdentity("transfer")
public class JoinedTransferPayment extends JoinedPayment {
    @Column(length = 34)
    public String iban;
    @Column(length = 11)
    public String bankCode;

    protected JoinedTransferPayment() {
    }

    public JoinedTransferPayment(long amount, String currency, String reference, String iban, String bankCode) {
        super(amount, currency, reference);
        this.iban = iban;
        this.bankCode = bankCode;
    }
}
