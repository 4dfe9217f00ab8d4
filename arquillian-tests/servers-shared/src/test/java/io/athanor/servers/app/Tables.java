package io.athanor.servers.app;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the mapped tables where they are bound, if missing, and empties them; outside any transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Tables {
    @Inject
    SessionMaker sessions;

    public void reset() {
        try (Session s = sessions.open()) {
            for (Class<?> c : sessions.registry().mappedClasses()) {
                Engine engine = s.getBind(c);
                sessions.registry().createAll(engine);
                try (Connection conn = engine.dataSource().getConnection(); Statement st = conn.createStatement()) {
                    String q = conn.getMetaData().getIdentifierQuoteString().strip();
                    st.execute("delete from " + q + sessions.registry().tableOf(c) + q);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
