package io.athanor.weld.async;

import static io.athanor.weld.async.AsyncTests.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.athanor.Athanor;
import io.athanor.Dialect;
import io.athanor.cdi.Unit;
import io.athanor.ext.asyncio.AsyncSession;
import io.athanor.ext.asyncio.AsyncSessionMaker;
import io.athanor.weld.model.Item;
import io.athanor.weld.support.Deployments;
import io.athanor.weld.support.Rows;
import io.athanor.weld.support.TestDataSources;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** @Unit("reports") selects that unit's async beans: its database, its settings, its slots. */
@ExtendWith(ArquillianExtension.class)
class AsyncNamedUnitTest {
    @Deployment
    static JavaArchive deployment() {
        String model = Item.class.getPackageName();
        return Deployments.of(Map.of("athanor.packages", model, "athanor.datasource", "jdbc/main",
                "athanor.unit.reports.packages", model, "athanor.unit.reports.datasource", "jdbc/second",
                "athanor.unit.reports.expire-on-commit", "false", "athanor.unit.reports.async.max-transactions", "3",
                "test.database", "h2", "test.second-database", "mariadb"));
    }

    @Inject
    AsyncSession session;
    @Inject
    @Unit("reports")
    AsyncSession reports;
    @Inject
    AsyncSessionMaker defaults;
    @Inject
    @Unit("reports")
    AsyncSessionMaker reportSessions;

    @Test
    void eachUnitHasItsOwnAsyncSessionDatabaseAndSettings() {
        assertEquals(Dialect.H2, await(session.runSync(s -> s.getBind(Item.class).dialect())));
        assertEquals(Dialect.MARIADB, await(reports.runSync(s -> s.getBind(Item.class).dialect())));
        assertEquals(5, defaults.maxTransactions(), "the default unit: its pool's size");
        assertEquals(3, reportSessions.maxTransactions(), "athanor.unit.reports.async.max-transactions");

        reportSessions.sessionMaker().registry().createAll(reportSessions.sessionMaker().bind());
        Rows.clear(TestDataSources.direct("mariadb"), "weld_items");
        Item item = new Item("report");
        reports.add(item);
        await(reports.commit());
        assertFalse(Athanor.inspect(item).expiredAttributes().contains("name"), "expire-on-commit=false carried over");
        assertEquals("report", item.name());
        assertEquals(List.of("report"), Rows.names(TestDataSources.direct("mariadb"), "weld_items", "name"));
        assertEquals(false, await(session.runSync(s -> s.contains(item))));
        await(reports.close());
    }
}
