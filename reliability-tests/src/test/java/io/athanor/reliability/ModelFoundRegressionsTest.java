package io.athanor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.Engine;
import io.athanor.InstanceState;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.reliability.model.Rec;
import io.athanor.reliability.model.Schema;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Engine bugs the model-based test found, fixed since, kept as plain tests of the minimal
 * sequences it reported.
 */
@AllDatabases
class ModelFoundRegressionsTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;
    SessionMaker sessions;

    @BeforeEach
    void setUp() {
        SqlCapture.silence();
        engine = Schema.engine(db);
        Schema.clean(engine, "rel_rec");
        sessions = Schema.sessions(engine);
    }

    private Map<Long, String> committedRows() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            return ModelBasedTest.Runner.rows(c);
        }
    }

    /** [add(a), commit, merge(copy of #0 named a), flush]: the key written while expired bound NULL in the WHERE. */
    @Test
    void mergeOntoAnInstanceExpiredByCommitUpdatesItsRow() throws SQLException {
        try (Session session = sessions.open()) {
            Rec rec = new Rec("a");
            session.add(rec);
            session.flush();
            Long id = rec.id;
            session.commit();
            assertTrue(Athanor.inspect(rec).unloadedAttributes().contains("id"), "commit expired the key");

            Rec merged = session.merge(Rec.copy(id, "a"));
            assertSame(rec, merged, "merge() returns the instance of the identity map");
            session.flush(); // raised StaleDataException: the UPDATE matched no row
            session.commit();
            assertEquals(Map.of(id, "a"), committedRows());

            session.expire(rec);
            merged = session.merge(Rec.copy(id, "b"));
            assertSame(rec, merged);
            session.flush();
            session.commit();
            assertEquals(Map.of(id, "b"), committedRows(), "the merged value reached the row");

            session.expire(rec);
            session.merge(Rec.copy(id, "c"));
            session.delete(rec); // the DELETE keys on the identity too
            session.commit();
            assertEquals(Map.of(), committedRows(), "the row is deleted");
        }
    }

    /** [add(a), flush, expunge(#0), rollback]: it was left detached with no identity. */
    @Test
    void anInstanceInsertedThenExpungedBecomesTransientOnRollback() throws SQLException {
        try (Session session = sessions.open()) {
            Rec rec = new Rec("a");
            session.add(rec);
            session.flush();
            session.expunge(rec);
            assertTrue(Athanor.inspect(rec).isDetached(), "expunged after its INSERT: detached");

            session.rollback();
            InstanceState st = Athanor.inspect(rec);
            assertTrue(st.isTransient(), "transient after the rollback");
            assertFalse(st.isDetached(), "not detached without a key");
            assertNull(st.identity(), "no identity");
            assertEquals(Map.of(), committedRows());

            session.add(rec); // transient again, so it can be added anew
            assertTrue(Athanor.inspect(rec).isPending());
            session.commit();
            assertEquals(1, committedRows().size(), "inserted anew");
        }
    }
}
