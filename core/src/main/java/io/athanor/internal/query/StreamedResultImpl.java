package io.athanor.internal.query;

import io.athanor.InvalidRequestException;
import io.athanor.StreamedResult;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.messages.StatementMessages;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.transaction.OpenCursor;
import io.athanor.internal.transaction.TransactionImpl;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A cursor over an open JDBC result set, read one partition at a time under the session's thread
 * guard. It belongs to the transaction node it was opened in ({@link TransactionImpl#addCursor}): a
 * released savepoint hands it to its parent; a commit, a rollback or the session's close ends it.
 */
public final class StreamedResultImpl<T> implements StreamedResult<T>, OpenCursor {
    /** Reads up to {@code max} rows of the result set into values; fewer only when the rows ran out. */
    interface PartitionReader {
        List<Object[]> read(ResultSet rs, int max) throws SQLException;
    }

    private final SessionContext session;
    private final QueryExecutor.Open open;
    private final PartitionReader reader;
    private final Function<Object[], T> convert;
    private final int yieldPer;
    /** The transaction node the cursor lives in, {@code null} once closed. */
    private TransactionImpl owner;
    private List<T> buffer = List.of();
    private int next;
    private boolean closed;
    /** Why the session closed the cursor (then using it raises), or {@code null}. */
    private String closedBy;

    StreamedResultImpl(SessionContext session, QueryExecutor.Open open, PartitionReader reader,
                       Function<Object[], T> convert, int yieldPer) {
        this.session = session;
        this.open = open;
        this.reader = reader;
        this.convert = convert;
        this.yieldPer = yieldPer;
        if (open.rows() == null) {
            // a text() statement that returned no rows: nothing to read
            closed = true;
            closeJdbc();
        } else {
            owner = session.currentNode();
            owner.addCursor(this);
        }
    }

    @Override
    public List<T> nextPartition() {
        session.enter();
        try {
            checkUsable();
            if (next < buffer.size()) {
                List<T> rest = List.copyOf(buffer.subList(next, buffer.size()));
                buffer = List.of();
                next = 0;
                return rest;
            }
            return read();
        } finally {
            session.exit();
        }
    }

    @Override
    public boolean hasNext() {
        session.enter();
        try {
            checkUsable();
            if (next < buffer.size()) {
                return true;
            }
            buffer = read();
            next = 0;
            return !buffer.isEmpty();
        } finally {
            session.exit();
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the streamed result has no more rows");
        }
        return buffer.get(next++);
    }

    @Override
    public int yieldPer() {
        return yieldPer;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        session.enter();
        try {
            end(null);
        } finally {
            session.exit();
        }
    }

    @Override
    public void movedTo(TransactionImpl parent) {
        owner = parent;
    }

    /** The session ends the cursor: its transaction ends ({@code reason} says how). Using it afterwards raises. */
    @Override
    public void closedBySession(String reason) {
        if (!closed) {
            end(reason);
        }
    }

    private void checkUsable() {
        if (closedBy != null) {
            throw new InvalidRequestException(StatementMessages.streamClosed(closedBy));
        }
    }

    private List<T> read() {
        if (closed) {
            return List.of();
        }
        List<Object[]> rows;
        try {
            rows = reader.read(open.rows(), yieldPer);
        } catch (SQLException e) {
            end(null);
            throw Errors.database(StatementMessages.streamReadFailed(), e, open.sql());
        } catch (RuntimeException e) {
            end(null);
            throw e;
        }
        if (rows.size() < yieldPer) {
            end(null);
        }
        List<T> values = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            values.add(convert.apply(row));
        }
        return values;
    }

    private void end(String reason) {
        buffer = List.of();
        next = 0;
        if (closed) {
            return;
        }
        closed = true;
        closedBy = reason;
        if (owner != null) {
            owner.removeCursor(this);
            owner = null;
        }
        closeJdbc();
    }

    private void closeJdbc() {
        try {
            open.close();
        } catch (SQLException ignored) {
            // the statement is going away with its cursor; the connection stays with its transaction
        }
    }
}
