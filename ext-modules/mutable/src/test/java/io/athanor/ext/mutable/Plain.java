package io.athanor.ext.mutable;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.Json;
import java.util.List;
import java.util.Map;

/** Plain JSON attributes: tracked only through associateWith, or @AsMutable on one of them. */
@Mapped(table = "mut_plain")
public class Plain {
    @Id
    public Long id;
    @Column(type = Json.class)
    public Map<String, Object> first;
    @Column(type = Json.class)
    public Map<String, Object> other;
    @AsMutable(MutableDict.class)
    @Column(type = Json.class)
    public Map<String, Object> chosen;
    @Column(type = Json.class)
    public List<String> list;
}
