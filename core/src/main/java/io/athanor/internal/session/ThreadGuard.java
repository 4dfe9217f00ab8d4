package io.athanor.internal.session;

import io.athanor.InvalidRequestException;
import io.athanor.internal.messages.SessionMessages;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Confines a session to one thread at a time: every operation enters and exits; a second thread
 * entering while the first is inside fails at once (ATHANOR-2002) instead of corrupting the unit of
 * work. Entries nest, so an operation may call others.
 */
final class ThreadGuard {
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private volatile Thread lastThread;
    private int depth;

    /** Enters; returns true for the outermost entry (depth 0 to 1). */
    boolean enter() {
        Thread me = Thread.currentThread();
        Thread current = owner.get();
        if (current != me && !owner.compareAndSet(null, me)) {
            Thread other = owner.get();
            throw new InvalidRequestException(SessionMessages.usedByAnotherThread(other, me));
        }
        if (depth++ == 0) {
            if (lastThread != me) {
                // a volatile write costs a full fence: skipped when the same thread comes back
                lastThread = me;
            }
            return true;
        }
        return false;
    }

    void exit() {
        if (--depth == 0) {
            // a release store: whatever hands the session to another thread orders it before that thread's enter()
            owner.setRelease(null);
        }
    }

    /** Whether the calling thread is the session's own and nothing else is inside it now. */
    boolean quietOnCallingThread() {
        Thread me = Thread.currentThread();
        Thread using = owner.get();
        return (using == null || using == me) && lastThread == me;
    }
}
