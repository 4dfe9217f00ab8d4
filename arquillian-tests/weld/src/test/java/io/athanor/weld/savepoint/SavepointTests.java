package io.athanor.weld.savepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.weld.model.Item;
import io.athanor.weld.support.Rows;
import io.athanor.weld.support.TestDataSources;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Savepoints inside JTA transactions; each subclass deploys on one database, with or without XA. */
abstract class SavepointTests {
    @Inject
    Orders orders;
    @Inject
    Events events;
    @Inject
    Session session;
    @Inject
    SessionMaker sessions;

    abstract String database();

    private void emptyTable() {
        sessions.registry().createAll(session.getBind(Item.class));
        Rows.clear(TestDataSources.direct(database()), "weld_items");
        events.takeAll();
    }

    private List<String> rows() {
        return Rows.names(TestDataSources.direct(database()), "weld_items", "name");
    }

    @Test
    void innerFailureIsRolledBackToTheSavepointAndTheOuterWorkCommits() {
        emptyTable();
        List<Object> pending = orders.innerFailureThenOuterWork();
        assertEquals(List.of("outer-1", "outer-2"), rows());
        assertEquals(List.of("rolled back inner"), events.takeAll());
        assertEquals(1, pending.size(), "only outer-2 is pending at the end: inner was expunged");
        assertTrue(Athanor.inspect(pending.get(0)).isPersistent());
    }

    @Test
    void aConstraintErrorInsideASubTransactionLeavesTheTransactionUsable() {
        emptyTable();
        orders.duplicateInsideSubTransaction();
        assertEquals(List.of("after-dup", "dup"), rows());
        assertEquals(List.of("rolled back dup"), events.takeAll());
    }

    @Test
    void threeDeep() {
        emptyTable();
        orders.threeDeep();
        assertEquals(List.of("level-0", "level-1", "level-2"), rows());
        assertEquals(List.of("rolled back level-3", "level-2 caught level-3 fails", "released level-2",
                "released level-1"), events.takeAll());
    }

    @Test
    void dontRollbackOnReleasesTheSavepoint() {
        emptyTable();
        orders.dontRollbackOn();
        assertEquals(List.of("kept"), rows());
        assertEquals(List.of("released kept"), events.takeAll());
    }

    @Test
    void beginNestedInsideTransactional() {
        emptyTable();
        boolean againInSession = orders.beginNestedWithDuplicate();
        assertFalse(againInSession);
        assertEquals(List.of("first", "second"), rows());
    }
}
