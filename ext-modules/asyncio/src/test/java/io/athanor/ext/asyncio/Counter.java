package io.athanor.ext.asyncio;

import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Version;

/** A row many sessions increment at once; the version column turns a lost update into a StaleDataException. */
@Mapped(table = "async_counters")
public class Counter {
    @Id(autoincrement = false)
    public Long id;
    public int hits;
    @Version
    public int version;

    Counter() {
    }

    public Counter(long id) {
        this.id = id;
    }
}
