package io.athanor.ext.asyncio;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A cold publisher: each subscription runs its query (on the session's lane) at the first request
 * and emits the values as demanded, serially, on whichever thread completed the query or asked
 * for more. Never on the lane, so attribute loads in {@code onNext} are refused as elsewhere.
 */
final class ListPublisher<T> implements Flow.Publisher<T> {
    private final Supplier<CompletionStage<List<T>>> query;

    ListPublisher(Supplier<CompletionStage<List<T>>> query) {
        this.query = query;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Subscription<T> subscription = new Subscription<>(subscriber, query);
        subscriber.onSubscribe(subscription);
    }

    private static final class Subscription<T> implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final Supplier<CompletionStage<List<T>>> query;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicBoolean started = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile List<T> values;
        private volatile Throwable failure;
        private int next;
        private boolean done;

        Subscription(Flow.Subscriber<? super T> subscriber, Supplier<CompletionStage<List<T>>> query) {
            this.subscriber = subscriber;
            this.query = query;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                failure = new IllegalArgumentException(Messages.badDemand(n));
                drain();
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            if (started.compareAndSet(false, true)) {
                query.get().whenComplete((list, error) -> {
                    if (error != null) {
                        failure = error;
                    } else {
                        values = list;
                    }
                    drain();
                });
            } else {
                drain();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
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
            if (done || cancelled) {
                return;
            }
            Throwable error = failure;
            if (error != null) {
                done = true;
                subscriber.onError(error);
                return;
            }
            List<T> list = values;
            if (list == null) {
                return;
            }
            while (next < list.size() && demand.get() > 0 && !cancelled) {
                T value = list.get(next++);
                if (value == null) {
                    done = true;
                    subscriber.onError(new NullPointerException(Messages.nullElement(next - 1)));
                    return;
                }
                demand.decrementAndGet();
                subscriber.onNext(value);
            }
            if (next == list.size() && !cancelled && failure == null) {
                done = true;
                subscriber.onComplete();
            }
        }
    }
}
