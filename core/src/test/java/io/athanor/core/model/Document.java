package io.athanor.core.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.Json;
import java.util.Map;

@Mapped
public class Document extends Audited {
    @Id
    public Long id;
    public String title;
    @Column(type = Json.class)
    public Map<String, Object> data;

    Document() {
    }

    public Document(String title) {
        this.title = title;
    }
}
