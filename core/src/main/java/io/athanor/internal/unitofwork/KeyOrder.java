package io.athanor.internal.unitofwork;

import io.athanor.Key;
import io.athanor.internal.state.StateImpl;
import java.util.Comparator;

/**
 * The order in which a flush writes UPDATE and DELETE statements for rows that already exist: by
 * primary key, as SQLAlchemy does, so that two sessions changing the same rows lock them in the same
 * order and do not deadlock each other. Keys that cannot be compared (a byte array, say) keep the
 * order in which their instances entered the session.
 */
final class KeyOrder implements Comparator<StateImpl> {

    static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

    @Override
    public int compare(StateImpl a, StateImpl b) {
        int byKey = compareKeys(a.key(), b.key());
        return byKey != 0 ? byKey : Long.compare(a.order(), b.order());
    }

    private static int compareKeys(Object x, Object y) {
        if (x instanceof Key kx && y instanceof Key ky && kx.size() == ky.size()) {
            for (int i = 0; i < kx.size(); i++) {
                int c = compareValues(kx.get(i), ky.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        return compareValues(x, y);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        if (x instanceof Comparable cx && y != null && x.getClass() == y.getClass()) {
            return cx.compareTo(y);
        }
        return 0;
    }
}
