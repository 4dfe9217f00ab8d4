package io.athanor.internal.unitofwork;

import io.athanor.IdentityKey;
import io.athanor.InvalidRequestException;
import io.athanor.internal.loading.AttributeLoader;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.state.AttachedSession;
import io.athanor.internal.state.Relationships;
import io.athanor.internal.state.SessionStates;
import io.athanor.internal.state.StateImpl;
import io.athanor.internal.state.Status;
import java.util.List;

/**
 * Which instances belong to the session: {@code add()} (SQLAlchemy's {@code _save_or_update_state}),
 * {@code delete()} ({@code _delete_impl}) and {@code expunge()}, each with its cascade, checking
 * that the instance may make the move.
 */
public final class Membership {
    private final AttachedSession session;
    private final SessionStates states;
    private final AttributeLoader attributes;

    public Membership(AttachedSession session, SessionStates states, AttributeLoader attributes) {
        this.session = session;
        this.states = states;
        this.attributes = attributes;
    }

    /** {@code add()}: the instance and what its save-update cascade reaches. */
    public void add(StateImpl s) {
        addOnly(s);
        cascadeSaveFrom(s);
    }

    /** save-update cascade: related objects reachable through loaded relationships join the session. */
    public void cascadeSaveFrom(StateImpl s) {
        Cascades.walk(s, Cascades.Kind.SAVE_UPDATE, Cascades.LOADED, t -> {
            if (t.owner() != session && (t.status() == Status.TRANSIENT || t.status() == Status.DETACHED)) {
                addOnly(t);
                return true;
            }
            return false;
        });
    }

    /** save-update cascade from one relationship change of an instance in this session. */
    public void cascadeAdd(RelationshipModel r, Object value) {
        StateImpl t = Relationships.stateOf(r.target(), value);
        if (t.owner() == session || (t.status() != Status.TRANSIENT && t.status() != Status.DETACHED)) {
            return;
        }
        addOnly(t);
        cascadeSaveFrom(t);
    }

    /** The instance alone joins the session: transient becomes pending, detached persistent. */
    public void addOnly(StateImpl s) {
        if (s.owner() != null && s.owner() != session) {
            throw new InvalidRequestException(SessionMessages.addAttachedElsewhere(s.describe()));
        }
        switch (s.status()) {
            case TRANSIENT -> {
                states.pend(s);
                s.attached();
            }
            case DETACHED -> {
                IdentityKey k = new IdentityKey(s.mapper.identityClass(), s.key());
                StateImpl there = states.identity().get(k);
                if (there != null && there != s) {
                    throw new InvalidRequestException(SessionMessages.keyAlreadyInSession(s.describe(), k));
                }
                states.reattach(s);
                s.attached();
            }
            case DELETED -> throw new InvalidRequestException(SessionMessages.addDeleted(s.describe()));
            default -> {
                // pending or persistent here already: nothing to do (SQLAlchemy's save-update is idempotent)
            }
        }
    }

    /** {@code delete()}: refuses what can't be deleted, attaches a detached instance, then marks it. */
    public void deleteRequested(StateImpl s) {
        switch (s.status()) {
            case TRANSIENT -> throw new InvalidRequestException(SessionMessages.deleteTransient(s.describe()));
            case PENDING -> throw new InvalidRequestException(SessionMessages.deletePending(s.describe()));
            case DELETED -> {
                return;
            }
            case DETACHED -> addOnly(s);
            default -> {
            }
        }
        if (s.owner() != session) {
            throw new InvalidRequestException(SessionMessages.deleteAttachedElsewhere(s.describe()));
        }
        delete(s);
    }

    /** Marks a persistent state deleted, and what its delete cascades reach (loading them first). */
    public void delete(StateImpl s) {
        if (!states.markDeleted(s)) {
            return;
        }
        Cascades.walk(s, Cascades.Kind.DELETE, (from, r) -> r.passiveDeletes() && from.isUnloaded(r.fieldIndex())
                ? List.of() : attributes.relationshipValues(from, r), t -> {
                    if (t.owner() == session && t.status() == Status.PERSISTENT) {
                        return states.markDeleted(t);
                    }
                    if (t.owner() == session && t.status() == Status.PENDING) {
                        expunge(t);
                    }
                    return false;
                });
    }

    /** Removes a state from the session, and what its expunge cascades reach. */
    public void expunge(StateImpl s) {
        if (s.owner() != session) {
            return;
        }
        states.detach(s, false);
        Cascades.walk(s, Cascades.Kind.EXPUNGE, Cascades.LOADED, t -> {
            if (t.owner() != session) {
                return false;
            }
            states.detach(t, false);
            return true;
        });
    }
}
