package io.athanor.weld.jta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.weld.model.Item;
import io.athanor.weld.support.Deployments;
import io.athanor.weld.support.Rows;
import io.athanor.weld.support.TestDataSources;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @Transactional} (Narayana's interceptors) around a request-scoped session, on H2. */
@ExtendWith(ArquillianExtension.class)
class TransactionalTest {
    @Deployment
    static JavaArchive deployment() {
        return Deployments.of("h2", false, ItemService.class);
    }

    @Inject
    ItemService items;
    @Inject
    Session session;
    @Inject
    SessionMaker sessions;
    @Inject
    TransactionManager tm;

    /** Called first by each test: Arquillian runs JUnit 5 lifecycle methods outside the container. */
    void emptyTable() {
        sessions.registry().createAll(session.getBind(Item.class));
        Rows.clear(TestDataSources.direct("h2"), "weld_items");
    }

    private static List<String> rows() {
        return Rows.names(TestDataSources.direct("h2"), "weld_items", "name");
    }

    @Test
    void commitWritesTheRowAndExpiresTheInstance() {
        emptyTable();
        Item item = items.create("a");
        assertFalse(session.inTransaction(), "the session left the committed JTA transaction");
        assertEquals(List.of("a"), rows());
        assertTrue(Athanor.inspect(item).isPersistent());
        assertTrue(Athanor.inspect(item).expiredAttributes().contains("name"), "expired on commit");
        assertEquals("a", item.name(), "loaded again, in a resource-local transaction outside JTA");
        assertTrue(session.inTransaction());
        session.rollback();
    }

    @Test
    void flushHappensInBeforeCompletion() {
        emptyTable();
        List<Object> pendingAtEnd = items.addWithoutFlush("b");
        assertEquals(1, pendingAtEnd.size(), "nothing was flushed inside the method");
        Item item = (Item) pendingAtEnd.get(0);
        assertNotNull(item.id(), "beforeCompletion flushed it");
        assertEquals(List.of("b"), rows());
    }

    @Test
    void rollbackLeavesNoRowAndExpungesThePendingInstance() {
        emptyTable();
        Item[] made = new Item[1];
        assertThrows(IllegalStateException.class, () -> made[0] = items.createAndFail("c"));
        assertEquals(List.of(), rows());
        assertTrue(session.getNew().isEmpty());
        assertTrue(session.identityMap().isEmpty(), "the flushed, rolled-back instance left the session");
    }

    @Test
    void rollbackExpiresModifiedPersistentInstances() {
        emptyTable();
        Item item = items.create("d");
        assertThrows(IllegalStateException.class, () -> items.renameAndFail(item, "e"));
        assertTrue(Athanor.inspect(item).isPersistent());
        assertTrue(Athanor.inspect(item).expiredAttributes().contains("name"));
        assertEquals("d", item.name(), "reloaded from the database");
        session.rollback();
        assertEquals(List.of("d"), rows());
    }

    @Test
    void commitInsideAJtaTransactionIsRefused() {
        emptyTable();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> items.commitInside());
        assertTrue(e.getMessage().startsWith("ATHANOR-3011: can't commit here: the session joined a JTA transaction"),
                e.getMessage());
        assertEquals(List.of(), rows());
    }

    @Test
    void reaperTimeoutRollsBackAndTheSessionCleansUpAtItsNextUse() throws Exception {
        emptyTable();
        tm.setTransactionTimeout(1);
        tm.begin();
        try {
            Item item = new Item("late");
            session.add(item);
            session.flush();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (tm.getStatus() != Status.STATUS_ROLLEDBACK && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(Status.STATUS_ROLLEDBACK, tm.getStatus(), "the reaper rolled the transaction back");
            Thread.sleep(300); // the reaper sets the status before it runs the synchronizations
            assertTrue(session.contains(item), "the reaper's thread leaves the session alone");
            session.flush(); // the session's next use applies the rollback on the session's own thread
            assertFalse(session.contains(item));
            assertTrue(Athanor.inspect(item).isTransient());
        } finally {
            tm.setTransactionTimeout(0);
            try {
                tm.rollback();
            } catch (IllegalStateException | jakarta.transaction.SystemException ignored) {
                // the reaper already ended it; this disassociates the thread
            }
        }
        assertEquals(List.of(), rows());
    }

    @Test
    void aSessionJoinedToASuspendedTransactionRefusesWorkInAnotherOne() throws Exception {
        emptyTable();
        SessionMaker jta = sessions;
        try (Session s = jta.open()) {
            tm.begin();
            s.add(new Item("outer"));
            jakarta.transaction.Transaction outer = tm.suspend();
            tm.begin();
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> s.add(new Item("inner")));
            assertTrue(e.getMessage().startsWith("ATHANOR-3015"), e.getMessage());
            tm.rollback();
            tm.resume(outer);
            tm.commit();
        }
        assertEquals(List.of("outer"), rows(), "the outer work committed, nothing leaked");
    }
}
