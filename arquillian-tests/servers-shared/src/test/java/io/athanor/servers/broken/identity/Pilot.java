package io.athanor.servers.broken.identity;

import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** Single-table, with the identity {@link Sailor} has too. */
@Mapped
@PolymorphicIdentity("crew")
public class Pilot extends Person {
    String licence;

    Pilot() {
    }
}
