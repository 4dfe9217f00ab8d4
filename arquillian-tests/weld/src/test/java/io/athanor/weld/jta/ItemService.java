package io.athanor.weld.jta;

import io.athanor.Session;
import io.athanor.weld.model.Item;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Writes items in container-managed transactions. */
@ApplicationScoped
public class ItemService {
    @Inject
    Session session;

    @Transactional
    public Item create(String name) {
        Item item = new Item(name);
        session.add(item);
        return item;
    }

    @Transactional
    public Item createAndFail(String name) {
        Item item = new Item(name);
        session.add(item);
        session.flush();
        throw new IllegalStateException("fails after the flush");
    }

    @Transactional
    public void renameAndFail(Item item, String name) {
        item.rename(name);
        session.flush();
        throw new IllegalStateException("fails after the rename");
    }

    /** Adds without flushing, and reports what the session has pending when the method ends. */
    @Transactional
    public List<Object> addWithoutFlush(String name) {
        session.add(new Item(name));
        return List.copyOf(session.getNew());
    }

    @Transactional
    public void commitInside() {
        session.add(new Item("inside"));
        session.commit();
    }
}
