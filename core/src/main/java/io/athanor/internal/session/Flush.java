package io.athanor.internal.session;

import io.athanor.IdentityKey;
import io.athanor.InvalidRequestException;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One flush: collects only the states that changed (pending, modified, marked deleted), writes them
 * mapper by mapper in foreign-key order (inserts and updates parents first, deletes children
 * first), and only when every statement succeeded moves the states to their new status.
 */
final class Flush {
    private final SessionImpl session;
    private final TransactionImpl tx;

    Flush(SessionImpl session, TransactionImpl tx) {
        this.session = session;
        this.tx = tx;
    }

    void run() {
        List<StateImpl> inserts = new ArrayList<>(session.pending);
        List<StateImpl> updates = new ArrayList<>();
        for (StateImpl s : session.modifiedStates) {
            if (s.status == Status.PERSISTENT && !s.markedDeleted) {
                updates.add(s);
            }
        }
        updates.sort(Comparator.comparingLong(s -> s.order));
        List<StateImpl> deletes = new ArrayList<>(session.markedDeleted);
        checkIdentityConflicts(inserts);

        Map<Mapper, List<StateImpl>> insertsBy = byMapper(inserts);
        Map<Mapper, List<StateImpl>> updatesBy = byMapper(updates);
        Map<Mapper, List<StateImpl>> deletesBy = byMapper(deletes);
        List<Mapper> order = session.registry.ordered();
        for (Mapper m : order) {
            List<StateImpl> ins = insertsBy.get(m);
            List<StateImpl> upd = updatesBy.get(m);
            if (ins == null && upd == null) {
                continue;
            }
            Persister persister = persister(m);
            if (ins != null) {
                persister.insert(ins);
            }
            if (upd != null) {
                persister.update(upd);
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            List<StateImpl> del = deletesBy.get(order.get(i));
            if (del != null) {
                persister(order.get(i)).delete(del);
            }
        }
        finish(inserts, updates, deletes);
    }

    private Persister persister(Mapper m) {
        return new Persister(session.bindFor(m), session.connection(m), m);
    }

    private static Map<Mapper, List<StateImpl>> byMapper(List<StateImpl> states) {
        Map<Mapper, List<StateImpl>> by = new LinkedHashMap<>();
        for (StateImpl s : states) {
            by.computeIfAbsent(s.mapper, k -> new ArrayList<>()).add(s);
        }
        return by;
    }

    private void checkIdentityConflicts(List<StateImpl> inserts) {
        for (StateImpl s : inserts) {
            Object key = s.mapper.identityOf(s.obj);
            if (key == null) {
                continue;
            }
            StateImpl there = session.identity.get(new IdentityKey(s.mapper.type(), key));
            if (there != null && there != s) {
                throw new InvalidRequestException("ATHANOR-2017: the new instance " + s.mapper.type().getSimpleName()
                        + " with key " + key + " conflicts with the persistent instance " + there.describe()
                        + " already in this session: change the key, or use merge() to update the existing one");
            }
        }
    }

    private void finish(List<StateImpl> inserts, List<StateImpl> updates, List<StateImpl> deletes) {
        for (StateImpl s : inserts) {
            Object key = s.mapper.identityOf(s.obj);
            if (key == null) {
                throw new InvalidRequestException("ATHANOR-2018: " + s.describe() + " has a NULL primary key after its "
                        + "INSERT: assign the key, or map it with @Id on an Integer/Long column the database generates");
            }
            s.key = key;
            s.status = Status.PERSISTENT;
            session.pending.remove(s);
            session.identity.put(new IdentityKey(s.mapper.type(), key), s);
            tx.inserted.add(s);
            s.commitAll();
            for (ColumnModel c : s.mapper.columns()) {
                if (c.serverDefault() != null && s.value(c) == null) {
                    s.unloaded.set(c.fieldIndex());
                }
            }
        }
        for (StateImpl s : updates) {
            Object key = s.mapper.identityOf(s.obj);
            if (key != null && !key.equals(s.key)) {
                IdentityKey old = new IdentityKey(s.mapper.type(), s.key);
                if (session.identity.get(old) == s) {
                    session.identity.remove(old);
                }
                tx.keySwitches.putIfAbsent(s, s.key);
                s.key = key;
                session.identity.put(new IdentityKey(s.mapper.type(), key), s);
            }
            s.commitAll();
            tx.updated.add(s);
            session.modifiedStates.remove(s);
        }
        for (StateImpl s : deletes) {
            s.markedDeleted = false;
            s.status = Status.DELETED;
            session.markedDeleted.remove(s);
            session.modifiedStates.remove(s);
            IdentityKey k = new IdentityKey(s.mapper.type(), s.key);
            if (session.identity.get(k) == s) {
                session.identity.remove(k);
            }
            tx.deleted.add(s);
        }
        session.modifiedStates.removeIf(s -> !s.modified);
    }
}
