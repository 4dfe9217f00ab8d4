package io.athanor.servers.broken;

import io.athanor.mapping.Column;
import io.athanor.mapping.Mapped;

/** A bad mapping: no primary key (ATHANOR-1002), so a deployment mapping it must fail. */
@Mapped(table = "srv_keyless")
public class Keyless {
    @Column
    String name;
}
