package io.athanor.weld.jta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.weld.model.Item;
import io.athanor.weld.support.Deployments;
import io.athanor.weld.support.Rows;
import io.athanor.weld.support.TestDataSources;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request context that ends before the JTA transaction its session joined (as Payara's does around an
 * {@code @Asynchronous} call): the session stays open until the transaction completes, so its work is flushed.
 */
@ExtendWith(ArquillianExtension.class)
class RequestEndsBeforeCommitTest {
    @Deployment
    static JavaArchive deployment() {
        return Deployments.of("h2", false);
    }

    @Inject
    Instance<RequestContextController> controllers;
    @Inject
    Instance<Session> sessions;
    @Inject
    SessionMaker maker;
    @Inject
    TransactionManager tm;

    @Test
    void theSessionClosesWhenTheTransactionCompletes() throws Exception {
        try (Session s = maker.open()) {
            maker.registry().createAll(s.getBind(Item.class));
        }
        Rows.clear(TestDataSources.direct("h2"), "weld_items");
        Item item = CompletableFuture.supplyAsync(() -> {
            RequestContextController request = controllers.get();
            assertTrue(request.activate(), "a request context of its own");
            try {
                tm.begin();
                Item made = new Item("after-request");
                try {
                    sessions.get().add(made);
                } finally {
                    request.deactivate();
                }
                tm.commit();
                return made;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get();
        assertEquals(List.of("after-request"), Rows.names(TestDataSources.direct("h2"), "weld_items", "name"));
        assertTrue(item.id() != null, "flushed in beforeCompletion");
    }
}
