package io.athanor.reliability.xa;

import java.sql.SQLException;
import javax.sql.XAConnection;
import org.mariadb.jdbc.MariaDbDataSource;

/** MariaDB Connector/J's XA data source with {@link CrashHook} around prepare and commit. */
public class HookedMariaDbXADataSource extends MariaDbDataSource {
    @Override
    public XAConnection getXAConnection() throws SQLException {
        return HookedXAConnection.wrap(super.getXAConnection(), "mariadb");
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return HookedXAConnection.wrap(super.getXAConnection(user, password), "mariadb");
    }
}
