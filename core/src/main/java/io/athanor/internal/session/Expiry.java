package io.athanor.internal.session;

import io.athanor.InvalidRequestException;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.state.SessionStates;
import io.athanor.internal.state.StateImpl;
import io.athanor.internal.state.Status;
import io.athanor.internal.unitofwork.Cascades;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code expire()} and {@code refresh()} of one instance, as SQLAlchemy's {@code _expire_state}:
 * the named attributes, or the whole instance with its refresh-expire cascade (related pending
 * objects are expunged, persistent ones expired); a refresh then loads the expired columns.
 */
final class Expiry {
    private final SessionImpl session;
    private final SessionStates states;

    Expiry(SessionImpl session) {
        this.session = session;
        this.states = session.states();
    }

    void expire(StateImpl s, String[] attributes) {
        if (attributes != null && attributes.length > 0) {
            s.expire(fields(s, attributes));
        } else {
            List<StateImpl> cascaded = new ArrayList<>();
            Set<StateImpl> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            seen.add(s);
            Cascades.walk(s, Cascades.Kind.REFRESH_EXPIRE, Cascades.LOADED, t -> {
                if (t.owner() == session && seen.add(t)) {
                    cascaded.add(t);
                    return true;
                }
                return false;
            });
            s.expireAll();
            for (StateImpl t : cascaded) {
                if (t.key() != null) {
                    t.expireAll();
                    if (!t.modified) {
                        states.unmodified(t);
                    }
                } else if (t.status() == Status.PENDING) {
                    session.expungeState(t);
                }
            }
        }
        if (!s.modified) {
            states.unmodified(s);
        }
    }

    void refresh(StateImpl s, String[] attributes) {
        expire(s, attributes);
        session.autoflush();
        BitSet columns = fields(s, attributes);
        for (RelationshipModel r : s.mapper.relationships()) {
            columns.clear(r.fieldIndex());
        }
        if (!columns.isEmpty()) {
            session.attributeLoader().loadFields(s, columns);
        }
    }

    /** The field indexes of the named attributes, or of every column when none is named. */
    private static BitSet fields(StateImpl s, String[] attributes) {
        BitSet fields = new BitSet();
        if (attributes == null || attributes.length == 0) {
            for (ColumnModel c : s.mapper.columns()) {
                fields.set(c.fieldIndex());
            }
            return fields;
        }
        for (String name : attributes) {
            ColumnModel c = s.mapper.column(name);
            RelationshipModel r = c == null ? s.mapper.relationship(name) : null;
            if (r != null) {
                fields.set(r.fieldIndex());
                continue;
            }
            if (c == null) {
                throw new InvalidRequestException(SessionMessages.noMappedAttribute(s.mapper.type(), name));
            }
            fields.set(c.fieldIndex());
        }
        return fields;
    }
}
