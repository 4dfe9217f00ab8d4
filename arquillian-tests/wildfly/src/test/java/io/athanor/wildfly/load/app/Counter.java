package io.athanor.wildfly.load.app;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A row the load test increments from many requests at once. */
@Mapped(table = "load_counters")
public class Counter {
    @Id
    Long id;
    long hits;

    Counter() {
    }

    static Counter fresh() {
        return new Counter();
    }

    public Long id() {
        return id;
    }

    public long hits() {
        return hits;
    }
}
