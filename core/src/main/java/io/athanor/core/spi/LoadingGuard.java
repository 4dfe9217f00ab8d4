package io.athanor.core.spi;

import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.session.SessionContext;

/**
 * A per-session hook consulted before the session loads an attribute that was read while unloaded
 * or expired: a column (all unloaded columns of the instance load in one SELECT, also when
 * {@code get()} finds a wholly expired instance) or a lazy relationship. It runs on the thread
 * that triggered the load, before the session's thread check, and refuses the load by throwing.
 * Loads the session does as part of an operation (cascades, flush, merge, {@code refresh}) do not
 * consult it.
 *
 * <p>The async session installs one that allows loads only on its own lane, so that a read on the
 * caller's thread fails with {@link io.athanor.LazyLoadNotAllowedException} instead of doing JDBC
 * there (SQLAlchemy's {@code MissingGreenlet}).
 */
@FunctionalInterface
public interface LoadingGuard {

    /**
     * Called before {@code attribute} of {@code instance} is loaded on access; throws to refuse the
     * load, returns to allow it.
     */
    void beforeLoad(Object instance, String attribute);

    /**
     * Installs {@code guard} on a session the core's {@code SessionMaker} opened, replacing any
     * previous one; {@code null} removes it. Fails with {@link InvalidRequestException} for a
     * session of another implementation.
     */
    static void install(Session session, LoadingGuard guard) {
        if (!(session instanceof SessionContext impl)) {
            throw new InvalidRequestException(SessionMessages.loadingGuardNeedsAthanorSession(session));
        }
        impl.loadingGuard(guard);
    }
}
