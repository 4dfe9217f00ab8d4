package io.athanor.reliability.xa;

import java.sql.SQLException;
import javax.sql.XAConnection;
import org.postgresql.xa.PGXADataSource;

/** pgjdbc's XA data source with {@link CrashHook} around prepare and commit; Agroal instantiates it. */
public class HookedPgXADataSource extends PGXADataSource {
    @Override
    public XAConnection getXAConnection() throws SQLException {
        return HookedXAConnection.wrap(super.getXAConnection(), "postgresql");
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return HookedXAConnection.wrap(super.getXAConnection(user, password), "postgresql");
    }
}
