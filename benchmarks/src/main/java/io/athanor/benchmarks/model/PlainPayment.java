package io.athanor.benchmarks.model;

/**
 * A row of W10's payments as hand-written JDBC code holds it: plain classes, nothing tracked, one
 * subclass per discriminator value. The subclass columns are {@code null} when not selected.
 */
public abstract class PlainPayment {
    public long id;
    public String kind;
    public long amount;
    public String currency;
    public String reference;

    PlainPayment(long id, String kind, long amount, String currency, String reference) {
        this.id = id;
        this.kind = kind;
        this.amount = amount;
        this.currency = currency;
        this.reference = reference;
    }

    /** A card payment. */
    public static final class Card extends PlainPayment {
        public String cardBrand;
        public String cardLast4;

        public Card(long id, long amount, String currency, String reference, String cardBrand, String cardLast4) {
            super(id, "card", amount, currency, reference);
            this.cardBrand = cardBrand;
            this.cardLast4 = cardLast4;
        }
    }

    /** A bank transfer. */
    public static final class Transfer extends PlainPayment {
        public String iban;
        public String bankCode;

        public Transfer(long id, long amount, String currency, String reference, String iban, String bankCode) {
            super(id, "transfer", amount, currency, reference);
            this.iban = iban;
            this.bankCode = bankCode;
        }
    }

    /** A cash payment. */
    public static final class Cash extends PlainPayment {
        public Integer till;
        public String receivedBy;

        public Cash(long id, long amount, String currency, String reference, Integer till, String receivedBy) {
            super(id, "cash", amount, currency, reference);
            this.till = till;
            this.receivedBy = receivedBy;
        }
    }
}
