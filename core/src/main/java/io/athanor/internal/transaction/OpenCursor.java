package io.athanor.internal.transaction;

/** A streamed result's open cursor, as the transaction node it lives in sees it. */
public interface OpenCursor {

    /** The node ended in a way that ends the cursor; using it afterwards raises, naming {@code reason}. */
    void closedBySession(String reason);

    /** A released savepoint hands its cursors to its parent, where they stay open. */
    void movedTo(TransactionImpl parent);
}
