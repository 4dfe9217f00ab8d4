package io.athanor.ext.mutable;

import io.athanor.mapping.Composite;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** An instance with a mutable composite attribute. */
@Mapped(table = "mut_vertex")
public class Vertex {
    @Id
    public Long id;
    @Composite(columns = {"px", "py"})
    public Point at;
}
