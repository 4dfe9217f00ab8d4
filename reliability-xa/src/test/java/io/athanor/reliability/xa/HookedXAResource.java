package io.athanor.reliability.xa;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/** A driver's XAResource that reports its prepares and commits to {@link CrashHook}. */
final class HookedXAResource implements XAResource {
    private final XAResource delegate;
    private final String database;

    HookedXAResource(XAResource delegate, String database) {
        this.delegate = delegate;
        this.database = database;
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        int vote = delegate.prepare(xid);
        CrashHook.afterPrepare(database);
        return vote;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        CrashHook.beforeCommit(database);
        delegate.commit(xid, onePhase);
        CrashHook.afterCommit(database, onePhase);
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        delegate.start(xid, flags);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        delegate.end(xid, flags);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        delegate.rollback(xid);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        delegate.forget(xid);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return delegate.recover(flag);
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return delegate.isSameRM(other instanceof HookedXAResource hooked ? hooked.delegate : other);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return delegate.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return delegate.setTransactionTimeout(seconds);
    }
}
