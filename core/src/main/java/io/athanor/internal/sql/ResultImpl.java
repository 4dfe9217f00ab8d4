package io.athanor.internal.sql;

import io.athanor.MultipleResultsException;
import io.athanor.NoResultException;
import io.athanor.Result;
import io.athanor.Row;
import io.athanor.ScalarResult;
import io.athanor.internal.messages.StatementMessages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A fully read result: rows already fetched, labels shared by every row. */
public final class ResultImpl implements Result {
    private final List<Row> rows;
    private final int rowCount;

    public ResultImpl(List<String> labels, List<Object[]> values, int rowCount) {
        List<String> shared = Collections.unmodifiableList(new ArrayList<>(labels));
        List<Row> list = new ArrayList<>(values.size());
        for (Object[] v : values) {
            list.add(new RowImpl(shared, v));
        }
        this.rows = Collections.unmodifiableList(list);
        this.rowCount = rowCount;
    }

    /** One row over labels shared by the rows of one result (an unmodifiable list). */
    public static Row row(List<String> sharedLabels, Object[] values) {
        return new RowImpl(sharedLabels, values);
    }

    @Override
    public List<Row> all() {
        return rows;
    }

    @Override
    public Row first() {
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public Row one() {
        Row r = oneOrNull();
        if (r == null) {
            throw new NoResultException(StatementMessages.oneFoundNoRow());
        }
        return r;
    }

    @Override
    public Row oneOrNull() {
        if (rows.size() > 1) {
            throw new MultipleResultsException(StatementMessages.oneFoundRows(rows.size()));
        }
        return first();
    }

    @Override
    public Object scalar() {
        Row r = first();
        return r == null ? null : r.get(0);
    }

    @Override
    public ScalarResult<Object> scalars() {
        List<Object> first = new ArrayList<>(rows.size());
        for (Row r : rows) {
            first.add(r.get(0));
        }
        return new ScalarResultImpl<>(first);
    }

    @Override
    public int rowCount() {
        return rowCount;
    }

    @Override
    public String toString() {
        return "Result" + rows;
    }
}
