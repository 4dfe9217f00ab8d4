package io.athanor.benchmarks.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.Json;
import java.util.Map;

/** W8: a plain JSON map, changed by assigning a modified copy (nothing tracked in place). */
@Mapped(table = "w8_copied")
public class CopiedDoc {
    @Id
    public Long id;
    @Column(length = 50)
    public String title;
    @Column(type = Json.class)
    public Map<String, Object> data;

    protected CopiedDoc() {
    }

    public CopiedDoc(String title, Map<String, Object> data) {
        this.title = title;
        this.data = data;
    }
}
