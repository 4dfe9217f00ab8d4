package io.athanor.core.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** A pending child removed from a delete-orphan collection leaves the session at once, as in SQLAlchemy. */
@AllDatabases
class PendingOrphanTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        engine = RelationModel.freshEngine(db);
        sessions = RelationModel.keepLoaded(engine);
    }

    @Test
    void pendingChildRemovedBeforeFlushIsExpungedNotInsertedWithoutParent() {
        sessions.transaction(s -> s.add(new Author("ann")));
        try (Session s = sessions.open()) {
            Author ann = s.scalars(io.athanor.sql.Sql.select(Author.class)).one();
            Book kept = new Book("kept");
            Book dropped = new Book("dropped");
            ann.books.add(kept);
            ann.books.add(dropped);
            assertTrue(s.contains(dropped), "save-update cascade on append");
            ann.books.remove(dropped);
            assertFalse(s.contains(dropped), "expunged when removed");
            s.commit();
        }
        assertEquals(1, RelationModel.count(engine, "rel_books"), "no book row without its author");
    }
}
