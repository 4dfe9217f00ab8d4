package io.athanor.ext.asyncio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

/** Collects what a publisher emits; requests {@code step} at a time (again from each onNext), or everything. */
final class RecordingSubscriber<T> implements Flow.Subscriber<T> {
    final List<T> items = new CopyOnWriteArrayList<>();
    final CountDownLatch done = new CountDownLatch(1);
    volatile Throwable error;
    private final long step;
    private Flow.Subscription subscription;

    RecordingSubscriber(long step) {
        this.step = step;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(step);
    }

    @Override
    public void onNext(T item) {
        items.add(item);
        if (step != Long.MAX_VALUE) {
            subscription.request(step);
        }
    }

    @Override
    public void onError(Throwable t) {
        error = t;
        done.countDown();
    }

    @Override
    public void onComplete() {
        done.countDown();
    }
}
