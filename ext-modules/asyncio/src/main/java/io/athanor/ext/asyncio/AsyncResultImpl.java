package io.athanor.ext.asyncio;

import io.athanor.Session;
import io.athanor.StreamedResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Function;

/** A stream's publishers: values one by one, or in lists; each subscription opens its own cursor. */
final class AsyncResultImpl<T> implements AsyncResult<T> {
    private final AsyncSessionImpl session;
    private final String operation;
    private final Function<Session, StreamedResult<T>> open;
    private final int yieldPer;

    AsyncResultImpl(AsyncSessionImpl session, String operation, int yieldPer, Function<Session, StreamedResult<T>> open) {
        this.session = session;
        this.operation = operation;
        this.yieldPer = yieldPer;
        this.open = open;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        new CursorPublisher<T, T>(session, operation, open, StreamedResult::nextPartition).subscribe(subscriber);
    }

    @Override
    public Flow.Publisher<List<T>> partitions(int size) {
        if (size < 1) {
            throw new IllegalArgumentException(Messages.badPartitionSize(size));
        }
        return new CursorPublisher<T, List<T>>(session, operation, open, cursor -> chunk(cursor, size));
    }

    @Override
    public Flow.Publisher<List<T>> partitions() {
        // a yieldPer below 1 is refused by the core when the cursor opens (ATHANOR-4050), as for subscribe()
        return new CursorPublisher<T, List<T>>(session, operation, open, cursor -> chunk(cursor, Math.max(1, yieldPer)));
    }

    /** Up to {@code size} values as one list (run on the lane); no list once the cursor is exhausted. */
    private static <T> List<List<T>> chunk(StreamedResult<T> cursor, int size) {
        List<T> values = new ArrayList<>(Math.min(size, 1024));
        while (values.size() < size && cursor.hasNext()) {
            values.add(cursor.next());
        }
        return values.isEmpty() ? List.of() : List.of(Collections.unmodifiableList(values));
    }
}
