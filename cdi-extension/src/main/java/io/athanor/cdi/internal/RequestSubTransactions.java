package io.athanor.cdi.internal;

import io.athanor.jta.SubTransactions;

/** The sub-transactions of one unit's session in one request (a request-scoped bean, hence not final). */
public class RequestSubTransactions {
    private final SubTransactions subTransactions;

    /** For the client proxy only. */
    protected RequestSubTransactions() {
        this.subTransactions = null;
    }

    RequestSubTransactions(SubTransactions subTransactions) {
        this.subTransactions = subTransactions;
    }

    /** The request's sub-transactions. */
    public SubTransactions get() {
        return subTransactions;
    }
}
