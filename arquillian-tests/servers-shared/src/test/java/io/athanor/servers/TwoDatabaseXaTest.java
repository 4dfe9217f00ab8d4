package io.athanor.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.athanor.servers.app.Tables;
import io.athanor.servers.app.Transfers;
import io.athanor.servers.setup.NeedsDatabases;
import io.athanor.servers.support.Deployments;
import io.athanor.servers.support.Rows;
import io.athanor.servers.support.Server;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One EJB transaction over PostgreSQL (items) and MariaDB (entries, a bind): two-phase commit, both or neither. */
@NeedsDatabases(twoPhase = true, mariadb = true, servers = "wildfly")
@ExtendWith(ArquillianExtension.class)
class TwoDatabaseXaTest {
    @Deployment
    static WebArchive deployment() {
        Map<String, String> config = Deployments.unit(Server.client().postgresXa);
        config.put("athanor.binds.Entry", Server.client().mariadbXa);
        config.put("test.second", Server.client().mariadbXa);
        return Deployments.war("two-databases", config, TwoDatabaseXaTest.class);
    }

    @Inject
    Transfers transfers;
    @Inject
    Tables tables;

    @Test
    void bothCommitOrNeither() {
        tables.reset();
        transfers.both("committed");
        assertThrows(EJBException.class, () -> transfers.bothThenFail("rolled-back"));
        assertEquals(List.of("committed"), Rows.names(Rows.defaultUnit(), "srv_items", "name"));
        assertEquals(List.of("committed"), Rows.names(Rows.config("test.second"), "srv_entries", "entry"));
    }
}
