package io.athanor.core.composite;

import io.athanor.mapping.Composite;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** Composites with default column names and with named columns. */
@Mapped(table = "shape")
public class Shape {
    @Id
    public Long id;
    public String name;
    @Composite
    public Point start;
    @Composite(columns = {"lo", "hi"})
    public Range span;
}
