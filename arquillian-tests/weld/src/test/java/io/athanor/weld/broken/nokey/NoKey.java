package io.athanor.weld.broken.nokey;

import io.athanor.mapping.Mapped;

/** No @Id. */
@Mapped
public class NoKey {
    String name;
}
