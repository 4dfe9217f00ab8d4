package io.athanor.quickstart;

import io.athanor.mapping.Mixin;
import io.athanor.mapping.Version;

/** A mixin: every mapped subclass gets an optimistic-locking version column in its own table. */
@Mixin
public abstract class Audited {
    @Version
    int version;
}
