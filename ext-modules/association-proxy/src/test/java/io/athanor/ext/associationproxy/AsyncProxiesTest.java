package io.athanor.ext.associationproxy;

import static io.athanor.sql.Load.selectinload;
import static io.athanor.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.LazyLoadNotAllowedException;
import io.athanor.ext.asyncio.AsyncSession;
import io.athanor.ext.asyncio.AsyncSessionMaker;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Proxies read on the caller's thread of an async session: fine when the relationships were loaded eagerly. */
@AllDatabases
class AsyncProxiesTest {
    @Parameter
    DatabaseHandle db;

    Engine engine;

    @BeforeEach
    void setUp() {
        engine = ProxyModel.freshEngine(db);
        ProxyModel.sessions(engine).transaction(s -> {
            User ann = new User("ann");
            ann.words().addAll(List.of("java", "sql"));
            s.add(ann);
        });
    }

    @Test
    void eagerlyLoadedProxiesReadOnTheCallersThread() throws Exception {
        AsyncSessionMaker sessions = AsyncSessionMaker.builder(ProxyModel.REGISTRY).bind(engine).build();
        AsyncSession s = sessions.open();
        try {
            User eager = s.scalars(select(User.class).options(
                            selectinload(User_.userKeywords).selectinload(UserKeyword_.keyword)))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS).one();
            assertEquals(List.of("java", "sql"), eager.words(), "both relationships were loaded on the lane");
            s.expireAll().toCompletableFuture().get(30, TimeUnit.SECONDS);
            LazyLoadNotAllowedException e = assertThrows(LazyLoadNotAllowedException.class, () -> eager.words().size());
            assertTrue(e.getMessage().startsWith("ATHANOR-8501"), e.getMessage());
        } finally {
            s.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
            sessions.close();
        }
    }
}
