package io.athanor.weld.broken.two;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;

/** A foreign key to a table nobody maps. */
@Mapped
public class Orphan {
    @Id
    Long id;
    @ForeignKey("parents.id")
    Long parentId;
}
