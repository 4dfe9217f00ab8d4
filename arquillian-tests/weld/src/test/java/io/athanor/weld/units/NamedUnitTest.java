package io.athanor.weld.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Dialect;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.cdi.Unit;
import io.athanor.mapping.Registry;
import io.athanor.weld.model.Item;
import io.athanor.weld.support.Deployments;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A second unit, configured under athanor.unit.reports.*, next to the default one. */
@ExtendWith(ArquillianExtension.class)
class NamedUnitTest {
    @Deployment
    static JavaArchive deployment() {
        String model = Item.class.getPackageName();
        return Deployments.of(Map.of("athanor.packages", model, "athanor.datasource", "jdbc/main",
                "athanor.unit.reports.packages", model, "athanor.unit.reports.datasource", "jdbc/second",
                "athanor.unit.reports.expire-on-commit", "false",
                "test.database", "h2", "test.second-database", "mariadb"));
    }

    @Inject
    Session session;
    @Inject
    @Unit("reports")
    Session reports;
    @Inject
    @Unit("reports")
    SessionMaker reportSessions;
    @Inject
    @Unit("reports")
    Registry reportRegistry;

    @Test
    void eachUnitHasItsOwnSessionAndDatabase() {
        assertEquals(Dialect.H2, session.getBind(Item.class).dialect());
        assertEquals(Dialect.MARIADB, reports.getBind(Item.class).dialect());
        assertTrue(reportRegistry.mappedClasses().contains(Item.class));
        assertEquals(reportRegistry.mappedClasses(), reportSessions.registry().mappedClasses());
        Item item = new Item("report");
        reports.add(item);
        assertTrue(reports.contains(item));
        assertFalse(session.contains(item));
        reports.expunge(item);
    }
}
