package io.athanor.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.athanor.servers.app.ItemsBean;
import io.athanor.servers.setup.NeedsDatabases;
import io.athanor.servers.support.Deployments;
import io.athanor.servers.support.Server;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default unit on the XA data source to PostgreSQL the set-up configured: commit, rollback and the savepoint
 * scenarios inside XA branches (one resource, so the transaction manager commits in one phase).
 */
@NeedsDatabases(postgresql = true)
@ExtendWith(ArquillianExtension.class)
class PostgresXaTest extends SavepointScenarios {
    @Deployment
    static WebArchive deployment() {
        return Deployments.war("postgresql-xa", Deployments.unit(Server.client().postgresXa), PostgresXaTest.class,
                SavepointScenarios.class);
    }

    @Inject
    ItemsBean items;

    @Test
    void commitAndRollback() {
        tables.reset();
        items.required("pg");
        assertThrows(EJBException.class, () -> items.systemException("pg-lost"));
        assertEquals(List.of("pg"), rows());
    }
}
