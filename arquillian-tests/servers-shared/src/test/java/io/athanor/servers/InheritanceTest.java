package io.athanor.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.SessionMaker;
import io.athanor.servers.inheritance.StaffBean;
import io.athanor.servers.inheritance.model.Contractor;
import io.athanor.servers.inheritance.model.Engineer;
import io.athanor.servers.inheritance.model.Manager;
import io.athanor.servers.inheritance.model.Staff;
import io.athanor.servers.support.Deployments;
import io.athanor.servers.support.Rows;
import io.athanor.servers.support.Server;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mapped hierarchy (an abstract base, two single-table subclasses and a joined-table one) found by the extension
 * when the WAR deploys, used from an EJB through the request's session in container-managed transactions, on the
 * server's own data source; every outcome checked in both tables with plain JDBC.
 */
@ExtendWith(ArquillianExtension.class)
class InheritanceTest {
    @Deployment
    static WebArchive deployment() {
        Map<String, String> config = Map.of("athanor.packages", Staff.class.getPackageName(),
                "athanor.datasource", Server.client().defaultDataSource);
        return Deployments.war("inheritance", config, List.of(Staff.class.getPackage(), StaffBean.class.getPackage()),
                InheritanceTest.class);
    }

    @Inject
    StaffBean staff;
    @Inject
    SessionMaker sessions;

    /** Called first by each test: Arquillian runs JUnit 5 lifecycle methods in the client. */
    private void emptyTables() {
        staff.createTables();
        Rows.clear(Rows.defaultUnit(), "srv_contractors", "srv_staff");
    }

    private static List<String> staffRows() {
        return Rows.query(Rows.defaultUnit(), "select \"name\", \"kind\", \"budget\", \"language\" from \"srv_staff\" "
                + "order by \"name\"");
    }

    private static List<String> contractorRows() {
        return Rows.query(Rows.defaultUnit(), "select s.\"name\", c.\"agency\" from \"srv_contractors\" c "
                + "join \"srv_staff\" s on s.\"id\" = c.\"id\" order by s.\"name\"");
    }

    private static List<String> contractorIds() {
        return Rows.query(Rows.defaultUnit(), "select \"id\" from \"srv_contractors\"");
    }

    @Test
    void theDeploymentMapsTheWholeHierarchy() {
        assertEquals(Set.of(Staff.class, Manager.class, Engineer.class, Contractor.class),
                sessions.registry().mappedClasses());
        assertEquals("srv_staff", sessions.registry().tableOf(Engineer.class));
        assertEquals("srv_contractors", sessions.registry().tableOf(Contractor.class));
    }

    @Test
    void eachSubclassIsPersistedAndCommitted() {
        emptyTables();
        staff.hire();
        assertEquals(List.of("ann:manager:100:null", "bob:engineer:null:java", "cid:contractor:null:null"),
                staffRows());
        assertEquals(List.of("cid:acme"), contractorRows(), "the joined subclass's row, keyed by the base row's id");
        assertEquals(1, contractorIds().size());
    }

    @Test
    void aSelectOfTheBaseReturnsEachRowsClass() {
        emptyTables();
        staff.hire();
        assertEquals(List.of("Manager:ann:100", "Engineer:bob:java", "Contractor:cid:acme"), staff.everyone());
        assertEquals(List.of("Engineer:bob:java"), staff.only(Engineer.class));
        assertEquals(List.of("Manager:ann:100"), staff.only(Manager.class));
        assertEquals(List.of("Contractor:cid:acme"), staff.only(Contractor.class));
        assertEquals("Contractor:cid:acme", staff.byKey(Long.parseLong(contractorIds().get(0))));
    }

    @Test
    void aRolledBackSubTransactionUndoesTheJoinedSubclassInsert() {
        emptyTables();
        assertTrue(staff.contractorUndoneBySubTransaction("kept", "undone"), "the contractor is transient again");
        assertEquals(List.of("kept:manager:1:null"), staffRows());
        assertEquals(List.of(), contractorIds());
    }

    @Test
    void aRolledBackBeginNestedUndoesTheJoinedSubclassInsert() {
        emptyTables();
        assertTrue(staff.contractorUndoneByBeginNested("kept", "undone"), "the contractor is transient again");
        assertEquals(List.of("kept:engineer:null:go"), staffRows());
        assertEquals(List.of(), contractorIds());
    }
}
