package io.athanor.ext.mutable;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.Json;
import java.util.HashMap;
import java.util.Map;

/** Mutable values given by the class itself: a field initialiser, the constructor, a plain map coerced. */
@Mapped(table = "mut_defaulted")
public class Defaulted {
    @Id
    public Long id;
    @Column(type = Json.class)
    public MutableDict<String, Object> data = new MutableDict<>();
    @Column(type = Json.class)
    public MutableList<Object> items;
    @AsMutable(MutableDict.class)
    @Column(type = Json.class)
    public Map<String, Object> meta = new HashMap<>();

    public Defaulted() {
        items = new MutableList<>();
    }
}
