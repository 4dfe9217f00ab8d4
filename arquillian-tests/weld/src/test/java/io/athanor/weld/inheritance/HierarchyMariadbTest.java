package io.athanor.weld.inheritance;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link HierarchyTests} on mariadb, one-phase JTA data source. */
@ExtendWith(ArquillianExtension.class)
class HierarchyMariadbTest extends HierarchyTests {
    @Deployment
    static JavaArchive deployment() {
        return deployment("mariadb");
    }

    @Override
    String database() {
        return "mariadb";
    }
}
