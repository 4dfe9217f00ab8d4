package io.athanor.weld.savepoint;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** What the sub-transaction callbacks reported, in order. */
@ApplicationScoped
public class Events {
    private final List<String> events = new ArrayList<>();

    public synchronized void add(String event) {
        events.add(event);
    }

    public synchronized List<String> takeAll() {
        List<String> all = List.copyOf(events);
        events.clear();
        return all;
    }
}
