package io.athanor.weld.async;

import io.athanor.ext.asyncio.AsyncSession;
import io.athanor.weld.model.Item;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.concurrent.CompletionStage;

/** Uses the request's async session: outside JTA, inside it (refused), and in a method that suspends it. */
@ApplicationScoped
public class AsyncItems {
    @Inject
    AsyncSession session;

    public AsyncSession session() {
        return session;
    }

    /**
     * Adds, flushes and commits; the stage yields the new key. The calls are made here, on the request's
     * thread, one after the other (they queue in call order): {@code session} is the request's client
     * proxy, which a continuation on a worker thread could not resolve.
     */
    public CompletionStage<Long> create(String name) {
        Item item = new Item(name);
        session.add(item);
        CompletionStage<Long> id = session.flush().thenApply(v -> item.id());
        return session.commit().thenCombine(id, (v, key) -> key);
    }

    @Transactional
    public CompletionStage<Long> createInsideJta(String name) {
        return create(name);
    }

    @Transactional(TxType.NOT_SUPPORTED)
    public CompletionStage<Long> createWithJtaSuspended(String name) {
        return create(name);
    }
}
