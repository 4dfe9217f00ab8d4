package io.athanor.ext.mutable;

import io.athanor.mapping.Column;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.types.Serialized;

/** A mutable map in a Java-serialised column (PickleType). */
@Mapped(table = "mut_pickled")
public class Pickled {
    @Id
    public Long id;
    @Column(type = Serialized.class)
    public MutableDict<String, Object> state;
}
