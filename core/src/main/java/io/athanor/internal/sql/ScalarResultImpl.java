package io.athanor.internal.sql;

import io.athanor.MultipleResultsException;
import io.athanor.NoResultException;
import io.athanor.ScalarResult;
import io.athanor.internal.messages.StatementMessages;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** A fully read list of single values. */
public final class ScalarResultImpl<T> implements ScalarResult<T> {
    private final List<T> values;

    public ScalarResultImpl(List<T> values) {
        this.values = Collections.unmodifiableList(values);
    }

    @Override
    public List<T> all() {
        return values;
    }

    @Override
    public T first() {
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public T one() {
        if (values.isEmpty()) {
            throw new NoResultException(StatementMessages.oneFoundNoRow());
        }
        return oneOrNull();
    }

    @Override
    public T oneOrNull() {
        if (values.size() > 1) {
            throw new MultipleResultsException(StatementMessages.oneFoundRows(values.size()));
        }
        return first();
    }

    @Override
    public Stream<T> stream() {
        return values.stream();
    }

    @Override
    public Iterator<T> iterator() {
        return values.iterator();
    }

    @Override
    public String toString() {
        return "ScalarResult" + values;
    }
}
