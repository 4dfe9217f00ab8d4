package io.athanor.reliability.model;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.Json;
import java.util.Map;

/** Hostile strings in a text column and in the keys and values of a JSON column. */
@Mapped(table = "rel_hostile")
public class Hostile {
    @Id
    public Long id;
    @Column(length = 2000)
    public String text;
    @Column(type = Json.class)
    public Map<String, Object> doc;

    Hostile() {
    }

    public Hostile(String text, Map<String, Object> doc) {
        this.text = text;
        this.doc = doc;
    }
}
