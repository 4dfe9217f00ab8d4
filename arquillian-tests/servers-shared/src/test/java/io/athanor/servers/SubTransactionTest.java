package io.athanor.servers;

import io.athanor.servers.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The savepoint scenarios on the server's own data source (H2). */
@ExtendWith(ArquillianExtension.class)
class SubTransactionTest extends SavepointScenarios {
    @Deployment
    static WebArchive deployment() {
        return Deployments.war("subtransactions", Deployments.defaultDataSource(), SubTransactionTest.class,
                SavepointScenarios.class);
    }
}
