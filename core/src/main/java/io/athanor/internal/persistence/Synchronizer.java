package io.athanor.internal.persistence;

import io.athanor.IdentityKey;
import io.athanor.InvalidRequestException;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.state.Keys;
import io.athanor.internal.state.StateImpl;
import io.athanor.internal.transaction.TransactionImpl;
import io.athanor.sql.Sync;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * SQLAlchemy's {@code synchronize_session} for bulk UPDATE and DELETE: which instances already in
 * the session the statement matched (EVALUATE: the criteria evaluated in Java; FETCH: the keys
 * selected before the statement; AUTO: EVALUATE when possible, else FETCH), and what happens to
 * them (updated values set as loaded, expressions expired; deleted instances marked deleted).
 */
public final class Synchronizer {
    private final SessionContext session;
    private final Mapper mapper;
    private final Function<StateImpl, Boolean> evaluated;
    private final List<Object> fetched;
    private final boolean none;

    public Synchronizer(SessionContext session, Mapper mapper, Sync mode, List<Condition> where, Supplier<List<Object>> keys) {
        this.session = session;
        this.mapper = mapper;
        this.none = mode == Sync.NONE;
        Function<StateImpl, Boolean> e = null;
        List<Object> f = null;
        if (mode == Sync.EVALUATE || mode == Sync.AUTO) {
            try {
                e = new CriteriaEvaluator(mapper).compile(where);
            } catch (CriteriaEvaluator.NotEvaluable notEvaluable) {
                if (mode == Sync.EVALUATE) {
                    throw new InvalidRequestException(StatementMessages.notEvaluable(notEvaluable.getMessage()));
                }
            }
        }
        if (!none && e == null) {
            f = keys.get();
        }
        this.evaluated = e;
        this.fetched = f;
    }

    /** The instances of the mapper in the session the statement matched; unknown ones go to {@code unsure}. */
    private List<StateImpl> matched(List<StateImpl> unsure) {
        List<StateImpl> out = new ArrayList<>();
        if (none) {
            return out;
        }
        if (fetched != null) {
            for (Object key : fetched) {
                StateImpl s = session.states().identity().get(new IdentityKey(mapper.identityClass(), key));
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }
        for (StateImpl s : new ArrayList<>(session.states().identity().values())) {
            if (!mapper.type().isAssignableFrom(s.mapper.type()) || s.isMarkedDeleted()) {
                continue;
            }
            Boolean r = evaluated.apply(s);
            if (Boolean.TRUE.equals(r)) {
                out.add(s);
            } else if (r == null) {
                unsure.add(s);
            }
        }
        return out;
    }

    public void updated(Map<ColumnModel, Object> assigned) {
        List<StateImpl> unsure = new ArrayList<>();
        for (StateImpl s : matched(unsure)) {
            for (Map.Entry<ColumnModel, Object> e : assigned.entrySet()) {
                ColumnModel c = e.getKey();
                if (e.getValue() instanceof Field<?> || !c.attributeColumn()) {
                    expire(s, c);
                } else {
                    s.loadedValue(c, Keys.coerce(mapper, c, e.getValue()));
                }
            }
        }
        for (StateImpl s : unsure) {
            for (ColumnModel c : assigned.keySet()) {
                expire(s, c);
            }
        }
    }

    private static void expire(StateImpl s, ColumnModel c) {
        java.util.BitSet one = new java.util.BitSet();
        one.set(c.fieldIndex());
        s.expire(one);
    }

    public void deleted(TransactionImpl tx) {
        for (StateImpl s : matched(new ArrayList<>())) {
            session.states().deleted(s);
            tx.recordDeleted(s);
        }
    }
}
