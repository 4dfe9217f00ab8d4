package io.athanor.weld.savepoint;

import io.athanor.weld.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SavepointTests} on h2, over an XA data source. */
@ExtendWith(ArquillianExtension.class)
class SavepointH2XaTest extends SavepointTests {
    @Deployment
    static JavaArchive deployment() {
        return Deployments.of("h2", true, Orders.class, Steps.class, Events.class);
    }

    @Override
    String database() {
        return "h2";
    }
}
