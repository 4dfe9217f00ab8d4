package io.athanor.core.types;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.JsonText;
import io.athanor.types.Serialized;
import java.util.Map;

/** JSON kept as text and a serialised Java object: the column types every database has. */
@Mapped(table = "type_bag")
public class Bag {
    @Id
    public Long id;
    @Column(type = JsonText.class)
    public Map<String, Object> doc;
    @Column(type = Serialized.class)
    public Object blob;
}
