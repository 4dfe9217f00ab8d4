package io.athanor.ext.mutable;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.SqlArray;

/** A mutable list in a SQL array column (PostgreSQL, H2). */
@Mapped(table = "mut_listed")
public class Listed {
    @Id
    public Long id;
    @Column(type = SqlArray.class, length = 50)
    public MutableList<String> tags;
}
