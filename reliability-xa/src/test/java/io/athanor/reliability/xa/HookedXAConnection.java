package io.athanor.reliability.xa;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;

/** A driver's XAConnection whose XAResource is a {@link HookedXAResource}. */
final class HookedXAConnection implements XAConnection {
    private final XAConnection delegate;
    private final String database;

    private HookedXAConnection(XAConnection delegate, String database) {
        this.delegate = delegate;
        this.database = database;
    }

    /** Hooks {@code connection} once (pgjdbc's no-argument {@code getXAConnection()} calls the other one). */
    static XAConnection wrap(XAConnection connection, String database) {
        return connection instanceof HookedXAConnection ? connection : new HookedXAConnection(connection, database);
    }

    @Override
    public XAResource getXAResource() throws SQLException {
        return new HookedXAResource(delegate.getXAResource(), database);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate.getConnection();
    }

    @Override
    public void close() throws SQLException {
        delegate.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        delegate.addConnectionEventListener(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        delegate.removeConnectionEventListener(listener);
    }

    @Override
    public void addStatementEventListener(StatementEventListener listener) {
        delegate.addStatementEventListener(listener);
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
        delegate.removeStatementEventListener(listener);
    }
}
