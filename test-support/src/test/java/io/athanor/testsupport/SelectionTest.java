package io.athanor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class SelectionTest {

    @Test
    void parsesIdsInOrderWithoutDuplicates() {
        assertEquals(List.of(TestDatabase.MARIADB, TestDatabase.H2), Databases.parse(" MariaDB, h2,mariadb,"));
        assertThrows(IllegalArgumentException.class, () -> Databases.parse("h2,oracle"));
        assertThrows(IllegalArgumentException.class, () -> Databases.parse(" , "));
    }

    @Test
    void theDefaultSelectsAllThree() {
        assertEquals(List.of(TestDatabase.values()), Databases.parse(Databases.DEFAULT_DATABASES));
    }

    @Test
    void runsOnlyOnTheSelectedDatabasesNamedAfterThem() {
        Probe.SEEN.clear();
        Events events = run("postgresql, h2");
        events.assertThatEvents()
                .haveExactly(1, event(container(displayName("[postgresql]")), finishedSuccessfully()))
                .haveExactly(1, event(container(displayName("[h2]")), finishedSuccessfully()))
                .haveExactly(2, event(test(displayName("sees()")), finishedSuccessfully()));
        assertEquals(List.of(TestDatabase.POSTGRESQL, TestDatabase.H2), Probe.SEEN);
    }

    @Test
    void anUnknownDatabaseFailsTheClass() {
        run("h2,db2").assertThatEvents()
                .haveExactly(1, event(container(Probe.class), finishedWithFailure(
                        instanceOf(IllegalArgumentException.class), message(m -> m.contains("db2")))))
                .haveExactly(0, event(test(), finishedSuccessfully()));
    }

    private static Events run(String ids) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Databases.DATABASES_PROPERTY, ids)
                .selectors(selectClass(Probe.class))
                .execute()
                .allEvents();
    }

    /** Run only through the test kit (surefire skips nested classes). */
    @AllDatabases
    static class Probe {
        static final List<TestDatabase> SEEN = new CopyOnWriteArrayList<>();
        @Parameter
        DatabaseHandle db;

        @Test
        void sees() {
            SEEN.add(db.kind());
        }
    }
}
