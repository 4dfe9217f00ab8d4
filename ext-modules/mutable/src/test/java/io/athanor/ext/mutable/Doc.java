package io.athanor.ext.mutable;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.Json;
import io.athanor.types.JsonText;
import java.io.Serializable;
import java.util.Map;

/** Mutable JSON attributes: declared with mutable types, and through @AsMutable. */
@Mapped(table = "mut_doc")
public class Doc implements Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    public Long id;
    public String title;
    @Column(type = Json.class)
    public MutableDict<String, Object> data;
    @Column(type = Json.class)
    public MutableList<Object> items;
    @Column(type = Json.class)
    public MutableSet<String> tags;
    @AsMutable(MutableDict.class)
    @Column(type = JsonText.class)
    public Map<String, Object> meta;
    @AsMutable(MutableDict.class)
    @Column(type = Json.class)
    public Object anything;
    @Column(type = Json.class)
    public Tally tally;

    public Doc() {
    }

    public Doc(String title) {
        this.title = title;
    }
}
