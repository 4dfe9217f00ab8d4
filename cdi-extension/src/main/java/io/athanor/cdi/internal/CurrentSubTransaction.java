package io.athanor.cdi.internal;

import io.athanor.SessionTransaction;
import io.athanor.jta.SubTransaction;

/** The injectable {@link SubTransaction}: whichever sub-transaction of the unit is innermost at each call. */
final class CurrentSubTransaction implements SubTransaction {
    private final RequestSubTransactions request;
    private final String unit;

    CurrentSubTransaction(RequestSubTransactions request, String unit) {
        this.request = request;
        this.unit = unit;
    }

    private SubTransaction current() {
        SubTransaction st = request.get().current();
        if (st == null) {
            throw new IllegalStateException(Messages.noSubTransaction(unit));
        }
        return st;
    }

    @Override
    public SessionTransaction savepoint() {
        return current().savepoint();
    }

    @Override
    public SubTransaction parent() {
        return current().parent();
    }

    @Override
    public void onRelease(Runnable callback) {
        current().onRelease(callback);
    }

    @Override
    public void onRollback(Runnable callback) {
        current().onRollback(callback);
    }

    @Override
    public void setRollbackOnly() {
        current().setRollbackOnly();
    }

    @Override
    public boolean isRollbackOnly() {
        return current().isRollbackOnly();
    }

    @Override
    public boolean isActive() {
        SubTransaction st = request.get().current();
        return st != null && st.isActive();
    }

    @Override
    public void release() {
        current().release();
    }

    @Override
    public void rollback() {
        current().rollback();
    }

    @Override
    public String toString() {
        SubTransaction st = request.get().current();
        return st == null ? "no sub-transaction" : st.toString();
    }
}
