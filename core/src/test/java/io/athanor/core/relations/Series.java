package io.athanor.core.relations;

import io.athanor.mapping.Id;
import io.athanor.mapping.Lazy;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

/** Mapped eager loading: volumes load with SELECTIN whenever series load. */
@Mapped(table = "rel_series")
public class Series {
    @Id
    public Long id;
    public String name;
    @Relationship(backPopulates = "series", lazy = Lazy.SELECTIN, orderBy = "number", cascade = "all")
    public List<Volume> volumes = new ArrayList<>();

    Series() {
    }

    public Series(String name) {
        this.name = name;
    }
}
