package io.athanor.weld.inheritance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.weld.inheritance.model.Contractor;
import io.athanor.weld.inheritance.model.Engineer;
import io.athanor.weld.inheritance.model.Manager;
import io.athanor.weld.inheritance.model.Staff;
import io.athanor.weld.support.Deployments;
import io.athanor.weld.support.Rows;
import io.athanor.weld.support.TestDataSources;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;

/**
 * A mapped hierarchy (an abstract base, two single-table subclasses and a joined-table one) found by the extension
 * at deployment and used through the request's session in {@code @Transactional} beans; every outcome checked in
 * both tables with plain JDBC. Each subclass deploys on one database.
 */
abstract class HierarchyTests {
    @Inject
    Crew crew;
    @Inject
    Session session;
    @Inject
    SessionMaker sessions;

    abstract String database();

    /** The deployment: the hierarchy's classes packed with the beans, the default unit mapping their package only. */
    static JavaArchive deployment(String database) {
        return Deployments.of(Map.of("athanor.packages", Staff.class.getPackageName(), "athanor.datasource", "jdbc/main",
                "test.database", database, "test.xa", "false"), Crew.class, Staff.class, Manager.class, Engineer.class,
                Contractor.class);
    }

    /** Called first by each test: Arquillian runs JUnit 5 lifecycle methods outside the container. */
    private void emptyTables() {
        sessions.registry().createAll(session.getBind(Staff.class));
        Rows.clear(db(), "weld_contractors", "weld_staff");
    }

    private DataSource db() {
        return TestDataSources.direct(database());
    }

    private List<String> staffRows() {
        return Rows.query(db(), "select name, kind, budget, language from weld_staff order by name");
    }

    private List<String> contractorRows() {
        return Rows.query(db(), "select s.name, c.agency from weld_contractors c join weld_staff s on s.id = c.id "
                + "order by s.name");
    }

    @Test
    void theExtensionMapsTheWholeHierarchy() {
        assertEquals(Set.of(Staff.class, Manager.class, Engineer.class, Contractor.class),
                sessions.registry().mappedClasses());
        assertEquals("weld_staff", sessions.registry().tableOf(Manager.class));
        assertEquals("weld_contractors", sessions.registry().tableOf(Contractor.class));
    }

    @Test
    void eachSubclassIsPersistedAndCommitted() {
        emptyTables();
        crew.hire();
        assertEquals(List.of("ann:manager:100:null", "bob:engineer:null:java", "cid:contractor:null:null"),
                staffRows());
        assertEquals(List.of("cid:acme"), contractorRows(), "the joined subclass's row, keyed by the base row's id");
        assertEquals(1, Rows.query(db(), "select id from weld_contractors").size());
    }

    @Test
    void aSelectOfTheBaseReturnsEachRowsClass() {
        emptyTables();
        crew.hire();
        assertEquals(List.of("Manager:ann:100", "Engineer:bob:java", "Contractor:cid:acme"), crew.everyone());
        assertEquals(List.of("Engineer:bob:java"), crew.only(Engineer.class));
        assertEquals(List.of("Manager:ann:100"), crew.only(Manager.class));
        assertEquals(List.of("Contractor:cid:acme"), crew.only(Contractor.class));
        long cid = Long.parseLong(Rows.query(db(), "select id from weld_contractors").get(0));
        assertEquals("Contractor:cid:acme", crew.byKey(cid));
    }

    @Test
    void aRolledBackSubTransactionUndoesTheJoinedSubclassInsert() {
        emptyTables();
        assertTrue(crew.contractorUndoneBySubTransaction("kept", "undone"), "the contractor is transient again");
        assertEquals(List.of("kept:manager:1:null"), staffRows());
        assertEquals(List.of(), contractorRows());
        assertEquals(List.of(), Rows.query(db(), "select id from weld_contractors"));
    }

    @Test
    void aRolledBackBeginNestedUndoesTheJoinedSubclassInsert() {
        emptyTables();
        assertTrue(crew.contractorUndoneByBeginNested("kept", "undone"), "the contractor is transient again");
        assertEquals(List.of("kept:engineer:null:go"), staffRows());
        assertEquals(List.of(), Rows.query(db(), "select id from weld_contractors"));
    }
}
