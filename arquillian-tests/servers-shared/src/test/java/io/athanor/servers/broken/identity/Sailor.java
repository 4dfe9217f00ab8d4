package io.athanor.servers.broken.identity;

import io.athanor.mapping.Mapped;
import io.athanor.mapping.PolymorphicIdentity;

/** Joined-table, with the identity {@link Pilot} has too. */
@Mapped(table = "srv_sailors")
@PolymorphicIdentity("crew")
public class Sailor extends Person {
    String ship;

    Sailor() {
    }
}
