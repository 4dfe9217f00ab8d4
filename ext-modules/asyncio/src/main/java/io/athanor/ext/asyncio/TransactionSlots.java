package io.athanor.ext.asyncio;

import java.util.ArrayDeque;

/**
 * The transaction slots of one maker: how many async sessions may be inside a transaction (and so
 * hold pooled connections) at once. Lanes that find none wait in arrival order and are handed a
 * released slot directly.
 */
final class TransactionSlots {
    private final int size;
    private int free;
    private final ArrayDeque<Lane> waiting = new ArrayDeque<>();

    TransactionSlots(int size) {
        this.size = size;
        this.free = size;
    }

    int size() {
        return size;
    }

    /** Takes a slot for {@code lane} and returns true, or queues the lane for {@link Lane#granted()} and returns false. */
    synchronized boolean acquire(Lane lane) {
        if (free > 0 && waiting.isEmpty()) {
            free--;
            return true;
        }
        waiting.add(lane);
        return false;
    }

    /** Gives a slot back: to the longest waiting lane, or to the free count. */
    void release() {
        Lane next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                free++;
                return;
            }
        }
        next.granted();
    }

    /** Slots not held by any lane (for tests and monitoring). */
    synchronized int available() {
        return free;
    }
}
