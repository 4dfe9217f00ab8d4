package io.athanor.internal.state;

import io.athanor.Session;
import io.athanor.internal.mapping.RelationshipModel;

/**
 * The session as the states attached to it see it: what an attribute read or a relationship write
 * of an instance asks of its session. Keeps the state package free of the session's implementation.
 */
public interface AttachedSession extends Session {

    /** The session's bookkeeping of its instances. */
    SessionStates states();

    /** An unloaded or expired column was read: load the instance's unloaded columns. */
    void loadUnloaded(StateImpl s, int trigger);

    /** An unloaded relationship was read: load it by its strategy. */
    void loadRelationship(StateImpl s, RelationshipModel r);

    /** A persistent instance changed: a transaction begins when none is (inside JTA: the session joins it). */
    void noteModified();

    /** An object was assigned to or appended along a save-update relationship: it joins the session. */
    void cascadeAdd(RelationshipModel r, Object value);

    /** A pending orphan left its delete-orphan collection: it leaves the session, with its expunge cascade. */
    void expungeState(StateImpl s);
}
