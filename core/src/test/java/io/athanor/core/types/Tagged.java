package io.athanor.core.types;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.SqlArray;
import java.util.List;

/** SQL array columns (PostgreSQL and H2 only). */
@Mapped(table = "type_tagged")
public class Tagged {
    @Id
    public Long id;
    @Column(type = SqlArray.class, length = 40)
    public List<String> tags;
    @Column(type = SqlArray.class)
    public List<Integer> scores;
}
