package io.athanor.weld.async;

import io.athanor.weld.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AsyncTests} on h2. */
@ExtendWith(ArquillianExtension.class)
class AsyncH2Test extends AsyncTests {
    @Deployment
    static JavaArchive deployment() {
        return Deployments.of("h2", false, AsyncItems.class);
    }

    @Override
    String database() {
        return "h2";
    }
}
