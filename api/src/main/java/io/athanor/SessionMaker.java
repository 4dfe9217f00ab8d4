package io.athanor;

import io.athanor.mapping.Registry;
import io.athanor.spi.Provider;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A configured factory of sessions: SQLAlchemy's {@code sessionmaker}. Thread-safe; build one per
 * application and open a session per unit of work.
 */
public interface SessionMaker {

    /** Starts configuring a session factory for the mapped classes of {@code registry}. */
    static Builder builder(Registry registry) {
        return Provider.get().sessionMakerBuilder(registry);
    }

    /** A new session. */
    Session open();

    /**
     * Runs {@code work} in a new session and transaction: commits when it returns, rolls back and
     * rethrows when it throws, and closes the session either way.
     */
    void transaction(Consumer<Session> work);

    /** {@link #transaction(Consumer)} returning the work's result. */
    <T> T transactionResult(Function<Session, T> work);

    /** The registry the sessions map with. */
    Registry registry();

    /** The default engine, or {@code null} when only {@link Builder#binds(Map) binds} are given. */
    Engine bind();

    /** The engines per mapped class, {@code @Mixin} class or table name, as given to {@link Builder#binds(Map)}. */
    Map<Object, Engine> binds();

    /**
     * A new builder holding this factory's settings (registry, bind, binds, expireOnCommit,
     * autoflush, autobegin and transaction integration), to derive a factory that differs in some
     * of them; this factory is unchanged. The async session factory of {@code athanor-asyncio} is
     * built this way from the sessions of a CDI unit.
     */
    Builder toBuilder();

    /** Configures a {@link SessionMaker}. */
    interface Builder {
        /** The default engine. */
        Builder bind(Engine engine);

        /** Engines per mapped class, {@code @Mixin} class or table name (SQLAlchemy's {@code binds}). */
        Builder binds(Map<Object, Engine> binds);

        /** Whether commit expires every instance (default true). */
        Builder expireOnCommit(boolean expireOnCommit);

        /** Whether queries flush pending changes first (default true). */
        Builder autoflush(boolean autoflush);

        /** Whether a transaction begins by itself on first use (default true). */
        Builder autobegin(boolean autobegin);

        /** Joins external (JTA) transactions when the integration reports one; see {@code athanor-jta}. */
        Builder transactionIntegration(io.athanor.spi.TransactionIntegration integration);

        /** The factory; {@link InvalidRequestException} if no engine is bound and no binds are given. */
        SessionMaker build();
    }
}
