package io.athanor.weld.async;

import static io.athanor.weld.async.AsyncTests.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.athanor.ext.asyncio.AsyncSession;
import io.athanor.ext.asyncio.AsyncSessionMaker;
import io.athanor.jta.NarayanaSe;
import io.athanor.weld.support.Deployments;
import io.athanor.weld.support.FakeJndi;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With a {@code java:comp/DefaultManagedExecutorService} bound (as a Jakarta EE container binds it), the
 * injected maker runs its sessions there and leaves it running when it is closed.
 */
@ExtendWith(ArquillianExtension.class)
class AsyncManagedExecutorTest {
    @Deployment
    static JavaArchive deployment() {
        return Deployments.of("h2", false);
    }

    @Inject
    AsyncSessionMaker sessions;
    @Inject
    AsyncSession session;

    @Test
    void theContainersManagedExecutorRunsTheOperations() {
        ExecutorService managed = Executors.newFixedThreadPool(2, r -> new Thread(r, "managed-executor"));
        FakeJndi.install();
        try {
            FakeJndi.bind("java:comp/DefaultManagedExecutorService", managed);
            // what a container binds beside it, which Narayana's CDI beans look up once JNDI answers
            FakeJndi.bind("java:/TransactionSynchronizationRegistry", NarayanaSe.synchronizationRegistry());
            FakeJndi.bind("java:comp/TransactionSynchronizationRegistry", NarayanaSe.synchronizationRegistry());
            FakeJndi.bind("java:/TransactionManager", NarayanaSe.transactionManager());
            FakeJndi.bind("java:comp/UserTransaction", NarayanaSe.userTransaction());
            assertSame(managed, sessions.executor(), "looked up when the maker is first used");
            assertEquals("managed-executor", await(session.runSync(s -> Thread.currentThread().getName())));
            sessions.close();
            assertEquals(false, managed.isShutdown(), "the container owns its executor");
        } finally {
            FakeJndi.uninstall();
            managed.shutdown();
        }
    }
}
