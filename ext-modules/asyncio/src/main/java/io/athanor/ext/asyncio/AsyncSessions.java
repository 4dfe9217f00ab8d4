package io.athanor.ext.asyncio;

import io.athanor.Athanor;
import io.athanor.Session;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Finds the {@link AsyncSession} that owns an instance or wraps a {@link Session}: SQLAlchemy's
 * {@code async_object_session(obj)} and {@code async_session(session)}. (SQLAlchemy's
 * {@code AsyncSession.object_session(obj)} answers the synchronous session: that is
 * {@code Athanor.inspect(obj).session()} here.)
 *
 * <p>Like SQLAlchemy's, the link is weak: an async session nobody references any more may be
 * collected, and then the answer is {@code null} even while its instances live. Safe to call from
 * any thread; the answer reflects the operations whose stages have completed.
 */
public final class AsyncSessions {
    // Session -> its async session; both weak, so that neither keeps the other (nor its instances) alive
    private static final Map<Session, WeakReference<AsyncSessionImpl>> OWNERS = new WeakHashMap<>();

    private AsyncSessions() {
    }

    /**
     * The async session {@code instance} belongs to (pending, persistent or deleted in it), or
     * {@code null} when it belongs to none, to a synchronous session, or to an async session that was
     * collected. {@code instance} must be of a mapped class.
     */
    public static AsyncSession of(Object instance) {
        Session session = Athanor.inspect(instance).session();
        return session == null ? null : of(session);
    }

    /** The async session wrapping {@code session} (the one {@code runSync} hands out), or {@code null}. */
    public static AsyncSession of(Session session) {
        WeakReference<AsyncSessionImpl> ref;
        synchronized (OWNERS) {
            ref = OWNERS.get(session);
        }
        return ref == null ? null : ref.get();
    }

    static void register(Session session, AsyncSessionImpl async) {
        synchronized (OWNERS) {
            OWNERS.put(session, new WeakReference<>(async));
        }
    }
}
