package io.athanor.reliability.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** The rows of large flushes that faults interrupt. */
@Mapped(table = "rel_bulk")
public class Bulk {
    @Id
    public Long id;
    public int batch;
    @Column(length = 200)
    public String payload;

    Bulk() {
    }

    public Bulk(int batch, String payload) {
        this.batch = batch;
        this.payload = payload;
    }
}
