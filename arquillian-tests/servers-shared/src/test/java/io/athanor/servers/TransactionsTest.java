package io.athanor.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.athanor.servers.app.BmtBean;
import io.athanor.servers.app.ItemsBean;
import io.athanor.servers.app.Kept;
import io.athanor.servers.app.RequestScenarios;
import io.athanor.servers.app.Tables;
import io.athanor.servers.app.TransactionalItems;
import io.athanor.servers.app.Undone;
import io.athanor.servers.support.Deployments;
import io.athanor.servers.support.Rows;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request-scoped session in container-managed (EJB) transactions, bean-managed ones and @Transactional
 * CDI beans, on the server's own data source; every outcome checked in the table with plain JDBC.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionsTest {
    @Deployment
    static WebArchive deployment() {
        return Deployments.war("transactions", Deployments.defaultDataSource(), TransactionsTest.class);
    }

    @Inject
    ItemsBean items;
    @Inject
    RequestScenarios scenarios;
    @Inject
    BmtBean bmt;
    @Inject
    TransactionalItems transactional;
    @Inject
    Tables tables;

    /** Called first by each test: Arquillian runs JUnit 5 lifecycle methods in the client. */
    private void emptyTables() {
        tables.reset();
    }

    private static List<String> rows() {
        return Rows.names(Rows.defaultUnit(), "srv_items", "name");
    }

    @Test
    void requiredCommits() {
        emptyTables();
        items.required("a");
        assertEquals(List.of("a"), rows());
    }

    @Test
    void requiresNewAfterRequiredIsASecondTransactionOfTheRequestSession() {
        emptyTables();
        List<String> sessions = scenarios.requiredThenRequiresNew("first", "second");
        assertEquals(List.of("first", "second"), rows());
        assertEquals(1, sessions.stream().distinct().count(), "one session for the request: " + sessions);
    }

    @Test
    void requiresNewWithItsOwnSessionCommitsWhenTheOuterTransactionRollsBack() {
        emptyTables();
        assertThrows(EJBException.class, () -> scenarios.outerRollsBackInnerRequiresNewCommits("outer", "inner"));
        assertEquals(List.of("inner"), rows());
    }

    @Test
    void mandatoryWithoutATransactionIsRefused() {
        emptyTables();
        assertThrows(EJBTransactionRequiredException.class, () -> items.mandatory("m"));
        assertEquals(List.of(), rows());
    }

    @Test
    void mandatoryJoinsTheCallersTransactionAndSession() {
        emptyTables();
        List<String> sessions = scenarios.requiredCallsMandatory("outer", "inner");
        assertEquals(List.of("inner", "outer"), rows());
        assertEquals(sessions.get(0), sessions.get(1));
    }

    @Test
    void notSupportedRunsAResourceLocalTransaction() {
        emptyTables();
        items.notSupported("local");
        assertEquals(List.of("local"), rows());
    }

    @Test
    void aSystemExceptionRollsBack() {
        emptyTables();
        assertThrows(EJBException.class, () -> items.systemException("sys"));
        assertEquals(List.of(), rows());
    }

    @Test
    void anEjbExceptionRollsBackWorkNotYetFlushed() {
        emptyTables();
        assertThrows(EJBException.class, () -> items.ejbException("ejb"));
        assertEquals(List.of(), rows());
    }

    @Test
    void anApplicationExceptionWithoutRollbackCommits() {
        emptyTables();
        assertThrows(Kept.class, () -> items.keptException("kept"));
        assertEquals(List.of("kept"), rows());
    }

    @Test
    void anApplicationExceptionWithRollbackRollsBack() {
        emptyTables();
        assertThrows(Undone.class, () -> items.undoneException("undone"));
        assertEquals(List.of(), rows());
    }

    @Test
    void beanManagedTransactions() throws Exception {
        emptyTables();
        assertFalse(bmt.commitThenRollback("kept", "lost"), "the rolled-back instance left the session");
        assertEquals(List.of("kept"), rows());
    }

    @Test
    void transactionalCdiBean() {
        emptyTables();
        transactional.create("t1");
        assertThrows(IllegalStateException.class, () -> transactional.createAndFail("t2"));
        assertThrows(IllegalArgumentException.class, () -> transactional.createAndFailKept("t3"));
        assertEquals(List.of("t1", "t3"), rows());
    }
}
