package io.athanor.reliability.model;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Version;

/** One row incremented by many threads under optimistic locking. */
@Mapped(table = "rel_counter")
public class Counter {
    @Id
    public Long id;
    @Version
    public int version;
    public long hits;

    public Counter() {
    }
}
