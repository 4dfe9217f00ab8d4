package io.athanor.ext.asyncio;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A subscriber the test drives: it requests only when told to, and hands each value over as it arrives. */
final class StepSubscriber<T> implements Flow.Subscriber<T> {
    final BlockingQueue<T> items = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription.complete(s);
    }

    @Override
    public void onNext(T item) {
        items.add(item);
    }

    @Override
    public void onError(Throwable t) {
        done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    void request(long n) {
        subscription.join().request(n);
    }

    void cancel() {
        subscription.join().cancel();
    }

    /** Requests one value and waits for it. */
    T next() {
        request(1);
        try {
            T item = items.poll(30, TimeUnit.SECONDS);
            if (item == null) {
                throw new IllegalStateException("no value within 30 s" + (done.isDone() ? ", the stream ended" : ""));
            }
            return item;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
