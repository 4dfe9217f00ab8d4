package io.athanor.weld.broken.two;

import io.athanor.mapping.Mapped;

/** No @Id either. */
@Mapped
public class Keyless {
    String label;
}
