package io.athanor.internal.session;

import io.athanor.Dialect;
import io.athanor.core.spi.LoadingGuard;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.loading.AttributeLoader;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RegistryImpl;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.query.StatementRunner;
import io.athanor.internal.state.AttachedSession;
import io.athanor.internal.state.StateImpl;
import io.athanor.internal.transaction.TransactionImpl;
import java.sql.Connection;
import java.util.List;

/**
 * The session as the engine's other parts use it (flush, loading, queries, persistence, the core
 * provider): its settings, binds, transaction and collaborators, beside the public {@code Session}.
 * The implementation stays package-private behind it.
 */
public interface SessionContext extends AttachedSession {

    /** Enters the session's thread guard (and joins an external transaction at the outermost entry). */
    void enter();

    void exit();

    RegistryImpl registry();

    SessionMakerImpl maker();

    StatementRunner statements();

    AttributeLoader attributeLoader();

    /** The state of a mapped instance, created (transient) on first sight. */
    StateImpl state(Object instance);

    Dialect dialectFor(Mapper mapper);

    EngineImpl bindFor(Mapper mapper);

    /** The current transaction, begun when autobegin allows; raises when it is inactive. */
    TransactionImpl activeTransaction();

    /** The innermost open transaction node, or {@code null}. */
    TransactionImpl currentNode();

    Connection connection(Mapper mapper);

    /** Flushes when autoflush is on and not suspended (nor already flushing). */
    void autoflush();

    /** save-update cascade: related objects reachable through loaded relationships join the session. */
    void cascadeSaveFrom(StateImpl s);

    /** Marks a persistent state deleted, and what its delete cascades reach. */
    void deleteState(StateImpl s);

    /** The related objects of a relationship, loading it first when needed. */
    List<Object> relationshipValues(StateImpl s, RelationshipModel r);

    /** Flags an attribute modified under the thread guard. */
    void flagModified(StateImpl s, String attribute);

    /** The guard consulted before a load on attribute access ({@link LoadingGuard#install}). */
    void loadingGuard(LoadingGuard guard);
}
