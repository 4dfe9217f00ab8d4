package io.athanor.benchmarks.model;

import io.athanor.ext.mutable.MutableDict;
import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.Json;

/** W8: a JSON map tracked in place ({@code MutableDict}, issue 9). */
@Mapped(table = "w8_tracked")
public class TrackedDoc {
    @Id
    public Long id;
    @Column(length = 50)
    public String title;
    @Column(type = Json.class)
    public MutableDict<String, Object> data;

    protected TrackedDoc() {
    }

    public TrackedDoc(String title, MutableDict<String, Object> data) {
        this.title = title;
        this.data = data;
    }
}
