package io.athanor.internal.transaction;

/** States of a session transaction, as SQLAlchemy's {@code SessionTransactionState}. */
public enum TxState {
    ACTIVE, DEACTIVE, COMMITTED, CLOSED
}
