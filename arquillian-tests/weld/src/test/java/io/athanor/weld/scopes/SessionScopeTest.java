package io.athanor.weld.scopes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Athanor;
import io.athanor.weld.model.Item;
import io.athanor.weld.support.Deployments;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The request-scoped Session: shared within a request, one per request, closed when it ends. */
@ExtendWith(ArquillianExtension.class)
class SessionScopeTest {
    @Deployment
    static JavaArchive deployment() {
        return Deployments.of("h2", false, RequestBean.class, AppBean.class);
    }

    @Inject
    RequestBean requestBean;
    @Inject
    AppBean appBean;
    @Inject
    Instance<RequestContextController> controllers;

    /** Runs {@code work} in a request of its own on a new thread. */
    private <T> CompletableFuture<T> inRequest(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            RequestContextController request = controllers.get();
            request.activate();
            try {
                return work.get();
            } finally {
                request.deactivate();
            }
        });
    }

    @Test
    void requestAndApplicationScopedBeansShareTheRequestsSession() {
        Item item = new Item("shared");
        requestBean.session().add(item);
        assertTrue(appBean.session().contains(item));
        appBean.session().expunge(item);
        assertFalse(requestBean.session().contains(item));
    }

    @Test
    void theSessionIsClosedWhenItsRequestEnds() throws Exception {
        Item item = inRequest(() -> {
            Item i = new Item("pending");
            appBean.session().add(i);
            assertTrue(Athanor.inspect(i).isPending());
            return i;
        }).get(10, TimeUnit.SECONDS);
        assertTrue(Athanor.inspect(item).isTransient(), "close() at the end of the request expunged it");
        assertNull(Athanor.inspect(item).session());
    }

    @Test
    void twoConcurrentRequestsGetTwoSessions() throws Exception {
        CyclicBarrier bothAdded = new CyclicBarrier(2);
        Item[] items = {new Item("first"), new Item("second")};
        List<CompletableFuture<String>> requests = List.of(0, 1).stream().map(n -> inRequest(() -> {
            appBean.session().add(items[n]);
            try {
                bothAdded.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            boolean own = appBean.session().contains(items[n]);
            boolean other = appBean.session().contains(items[1 - n]);
            return own + "/" + other;
        })).toList();
        for (CompletableFuture<String> r : requests) {
            assertEquals("true/false", r.get(10, TimeUnit.SECONDS), "each request sees only its own session");
        }
    }
}
