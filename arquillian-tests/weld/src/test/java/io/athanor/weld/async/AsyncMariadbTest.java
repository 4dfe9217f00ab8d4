package io.athanor.weld.async;

import io.athanor.weld.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AsyncTests} on mariadb. */
@ExtendWith(ArquillianExtension.class)
class AsyncMariadbTest extends AsyncTests {
    @Deployment
    static JavaArchive deployment() {
        return Deployments.of("mariadb", false, AsyncItems.class);
    }

    @Override
    String database() {
        return "mariadb";
    }
}
