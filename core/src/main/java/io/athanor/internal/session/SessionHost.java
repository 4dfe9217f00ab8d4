package io.athanor.internal.session;

import io.athanor.internal.state.SessionStates;
import io.athanor.internal.transaction.TransactionHost;
import io.athanor.internal.transaction.TransactionImpl;
import io.athanor.spi.ExternalTransaction;

/** What a session's transaction tree asks of the session, answered from its facade and its maker's settings. */
final class SessionHost implements TransactionHost {
    private final SessionImpl session;

    SessionHost(SessionImpl session) {
        this.session = session;
    }

    @Override
    public void enter() {
        session.enter();
    }

    @Override
    public void exit() {
        session.exit();
    }

    @Override
    public void flush() {
        session.doFlush();
    }

    @Override
    public SessionStates states() {
        return session.states();
    }

    @Override
    public boolean expireOnCommit() {
        return session.maker.expireOnCommit;
    }

    @Override
    public boolean autobegin() {
        return session.maker.autobegin;
    }

    @Override
    public ExternalTransaction currentExternal() {
        return session.external() == null ? null : session.external().current();
    }

    @Override
    public void joined(TransactionImpl root, ExternalTransaction joined) {
        session.external().register(root, joined);
    }
}
