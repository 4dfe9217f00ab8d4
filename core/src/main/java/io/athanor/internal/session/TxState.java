package io.athanor.internal.session;

/** States of a session transaction, as SQLAlchemy's {@code SessionTransactionState}. */
enum TxState {
    ACTIVE, DEACTIVE, COMMITTED, CLOSED
}
