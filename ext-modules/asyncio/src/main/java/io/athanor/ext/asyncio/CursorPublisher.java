package io.athanor.ext.asyncio;

import io.athanor.Session;
import io.athanor.StreamedResult;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A cold publisher over a database cursor: each subscription opens a {@link StreamedResult} on the
 * session's lane at its first request, then reads one partition per lane operation, only when the
 * partition read before is delivered and demand remains. So at most one partition is held between the
 * cursor and the subscriber, the lane is free between two partitions (other operations of the session
 * run there), and the session keeps its transaction, hence its connection and transaction slot, while
 * the stream is open. Values are emitted serially, never on the lane. Cancel, an error or a bad
 * request closes the cursor on the lane; reading to the end closes it there too.
 */
final class CursorPublisher<R, T> implements Flow.Publisher<T> {
    private final AsyncSessionImpl session;
    private final String operation;
    private final Function<Session, StreamedResult<R>> open;
    private final Function<StreamedResult<R>, List<T>> read;

    /**
     * {@code read} takes the values of one lane operation from the open cursor; an empty list means
     * the cursor is exhausted.
     */
    CursorPublisher(AsyncSessionImpl session, String operation, Function<Session, StreamedResult<R>> open,
                    Function<StreamedResult<R>, List<T>> read) {
        this.session = session;
        this.operation = operation;
        this.open = open;
        this.read = read;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscriber.onSubscribe(new Subscription<>(subscriber, session, operation, open, read));
    }

    /** A partition read on the lane, and whether the cursor ended with it. */
    private record Partition<T>(List<T> values, boolean last) {
    }

    private static final class Subscription<R, T> implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final AsyncSessionImpl session;
        private final String operation;
        private final Function<Session, StreamedResult<R>> open;
        private final Function<StreamedResult<R>, List<T>> read;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile Throwable failure;
        private volatile Partition<T> arrived;

        // read and written on the lane only
        private StreamedResult<R> cursor;

        // read and written by the drain loop only
        private List<T> buffer = List.of();
        private int index;
        private boolean started;
        private boolean fetching;
        private boolean exhausted;
        private boolean done;

        Subscription(Flow.Subscriber<? super T> subscriber, AsyncSessionImpl session, String operation,
                     Function<Session, StreamedResult<R>> open, Function<StreamedResult<R>, List<T>> read) {
            this.subscriber = subscriber;
            this.session = session;
            this.operation = operation;
            this.open = open;
            this.read = read;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                failure = new IllegalArgumentException(Messages.badDemand(n));
            } else {
                demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                emit();
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void emit() {
            if (done) {
                return;
            }
            if (cancelled) {
                end();
                return;
            }
            Partition<T> p = arrived;
            if (p != null) {
                arrived = null;
                buffer = p.values();
                index = 0;
                exhausted = p.last();
                fetching = false;
            }
            Throwable error = failure;
            if (error != null) {
                end();
                subscriber.onError(error);
                return;
            }
            while (index < buffer.size() && demand.get() > 0) {
                if (cancelled) {
                    end();
                    return;
                }
                T value = buffer.get(index++);
                if (value == null) {
                    end();
                    subscriber.onError(new NullPointerException(Messages.nullElement(index - 1)));
                    return;
                }
                demand.decrementAndGet();
                subscriber.onNext(value);
            }
            if (index < buffer.size() || fetching) {
                return;
            }
            if (exhausted) {
                done = true;
                buffer = List.of();
                subscriber.onComplete();
            } else if (demand.get() > 0) {
                fetch();
            }
        }

        /** Reads the next partition on the lane (opening the cursor the first time); the drain loop delivers it. */
        private void fetch() {
            CompletableFuture<Partition<T>> next;
            try {
                next = session.submit(operation, s -> {
                    if (cursor == null) {
                        cursor = open.apply(s);
                    }
                    List<T> values = read.apply(cursor);
                    return new Partition<>(values, cursor.isClosed());
                });
            } catch (RuntimeException refused) {
                // the caller's thread may not start work (ATHANOR-8508): the stream fails instead
                failure = refused;
                drain();
                return;
            }
            fetching = true;
            started = true;
            next.whenComplete((partition, error) -> {
                if (error != null) {
                    failure = error;
                } else {
                    arrived = partition;
                }
                drain();
            });
        }

        /** Ends the subscription; a cursor that may be open is closed on the lane, after any fetch in flight. */
        private void end() {
            done = true;
            buffer = List.of();
            if (started && !exhausted) {
                session.submitUnchecked(s -> {
                    if (cursor != null) {
                        cursor.close();
                    }
                    return null;
                });
            }
        }
    }
}
