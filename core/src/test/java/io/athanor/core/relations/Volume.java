package io.athanor.core.relations;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Lazy;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;

/** Mapped eager loading: the series is JOINED whenever volumes load. */
@Mapped(table = "rel_volumes")
public class Volume {
    @Id
    public Long id;
    public Integer number;
    public String title;
    @ForeignKey("rel_series.id")
    public Long seriesId;
    @Relationship(backPopulates = "volumes", lazy = Lazy.JOINED)
    public Series series;

    Volume() {
    }

    public Volume(int number, String title) {
        this.number = number;
        this.title = title;
    }
}
