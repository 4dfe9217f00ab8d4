package io.athanor.ext.asyncio;

import io.athanor.InvalidRequestException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs one session's operations one at a time, in submission order, each as its own task on the
 * executor (so many lanes share the threads fairly). Before running, a lane takes a transaction
 * slot unless it holds one; after each operation it gives the slot back when the session is no
 * longer in a transaction. A lane waiting for a slot holds no thread.
 */
final class Lane {
    private final Executor executor;
    private final TransactionSlots slots;
    private final BooleanSupplier inTransaction;
    private final ArrayDeque<Operation<?>> queue = new ArrayDeque<>();
    private boolean scheduled;
    private boolean holdsSlot;
    private volatile Thread running;

    Lane(Executor executor, TransactionSlots slots, BooleanSupplier inTransaction) {
        this.executor = executor;
        this.slots = slots;
        this.inTransaction = inTransaction;
    }

    /** Queues {@code work}; the future completes with its outcome once it ran, after the ones queued before. */
    <T> CompletableFuture<T> submit(Supplier<T> work) {
        Operation<T> op = new Operation<>(work);
        boolean start;
        synchronized (this) {
            queue.add(op);
            start = !scheduled;
            scheduled = true;
        }
        if (start) {
            proceed();
        }
        return op.future;
    }

    /**
     * Runs {@code read} on the calling thread while no operation is queued or running, holding the
     * lane's monitor so that none can start meanwhile: a submit waits the few microseconds the read
     * takes. Acquiring the monitor orders the read after the end of every operation before it.
     * Fails with ATHANOR-8509 when an operation is queued or running.
     */
    <T> T inspect(String accessor, Supplier<T> read) {
        synchronized (this) {
            if (scheduled && !isCurrent()) {
                throw new InvalidRequestException(Messages.busy(accessor));
            }
            return read.get();
        }
    }

    /** Whether the calling thread is running one of this lane's operations now. */
    boolean isCurrent() {
        return running == Thread.currentThread();
    }

    private void proceed() {
        boolean ready;
        synchronized (this) {
            ready = holdsSlot;
        }
        if (ready || slots.acquire(this)) {
            granted();
        }
    }

    /** Called with a slot: now, or later by {@link TransactionSlots} when one is released. */
    void granted() {
        synchronized (this) {
            holdsSlot = true;
        }
        try {
            executor.execute(this::runOne);
        } catch (RejectedExecutionException e) {
            failAll(e);
        }
    }

    private void runOne() {
        Operation<?> op;
        synchronized (this) {
            op = queue.poll();
        }
        Outcome outcome;
        running = Thread.currentThread();
        try {
            outcome = op.run();
            releaseSlotOutsideTransaction();
        } finally {
            running = null;
        }
        boolean more;
        synchronized (this) {
            more = !queue.isEmpty();
            scheduled = more;
        }
        // delivered once the lane is idle (when nothing is queued), so that the stage's dependent
        // actions may use the synchronous accessors; the next operation starts after them
        outcome.deliver();
        if (more) {
            proceed();
        }
    }

    private void releaseSlotOutsideTransaction() {
        boolean release;
        try {
            release = !inTransaction.getAsBoolean();
        } catch (RuntimeException e) {
            release = false;
        }
        if (release) {
            synchronized (this) {
                holdsSlot = false;
            }
            slots.release();
        }
    }

    private void failAll(RejectedExecutionException cause) {
        ArrayDeque<Operation<?>> failed;
        boolean release;
        synchronized (this) {
            failed = new ArrayDeque<>(queue);
            queue.clear();
            scheduled = false;
            release = holdsSlot;
            holdsSlot = false;
        }
        if (release) {
            slots.release();
        }
        for (Operation<?> op : failed) {
            op.future.completeExceptionally(new InvalidRequestException(Messages.rejected(cause), cause));
        }
    }

    /** The result of an operation, delivered to its future once the lane has let go of the thread. */
    private interface Outcome {
        void deliver();
    }

    private static final class Operation<T> {
        final CompletableFuture<T> future = new CompletableFuture<>();
        private final Supplier<T> work;

        Operation(Supplier<T> work) {
            this.work = work;
        }

        Outcome run() {
            if (future.isDone()) {
                return () -> { };
            }
            try {
                T value = work.get();
                return () -> future.complete(value);
            } catch (Throwable t) {
                return () -> future.completeExceptionally(t);
            }
        }
    }
}
